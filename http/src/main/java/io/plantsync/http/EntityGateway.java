package io.plantsync.http;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;

/**
 * Asks one entity and waits a bounded time for its answer. The node implements it with Cluster
 * Sharding; route tests substitute slow or failing entities.
 */
public interface EntityGateway {
  <M, R> CompletionStage<R> ask(EntityTypeKey<M> entityType, String entityId, Function<ActorRef<R>, M> message);

  /** As {@link #ask(EntityTypeKey, String, Function)}, waiting at most {@code timeout}. */
  default <M, R> CompletionStage<R> ask(
      EntityTypeKey<M> entityType, String entityId, Function<ActorRef<R>, M> message, Duration timeout) {
    return ask(entityType, entityId, message);
  }
}
