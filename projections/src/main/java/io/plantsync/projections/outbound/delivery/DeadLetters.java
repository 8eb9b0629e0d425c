package io.plantsync.projections.outbound.delivery;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;

/** Dead letters per subscriber, in object and sequence order (Cassandra in the node, memory in unit tests). */
public interface DeadLetters {
  CompletionStage<Done> park(DeadLetter letter);

  /** The sequence number of the object's first dead letter for the subscriber, if it has one. */
  CompletionStage<OptionalLong> firstOf(String subscriber, String persistenceId);

  CompletionStage<List<DeadLetter>> list(String subscriber);

  /** How many dead letters the subscriber has, without reading them. */
  CompletionStage<Long> count(String subscriber);

  CompletionStage<List<DeadLetter>> ofObject(String subscriber, String persistenceId);

  CompletionStage<Done> remove(DeadLetter letter);

  /** Removes the letter and keeps it, with the operator's reason, as an audit record. */
  CompletionStage<Done> discard(DeadLetter letter, String reason);
}
