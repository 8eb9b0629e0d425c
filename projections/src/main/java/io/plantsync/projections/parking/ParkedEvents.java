package io.plantsync.projections.parking;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;

/** Where parked events are kept (Cassandra in the node; an in-memory stand-in in unit tests). */
public interface ParkedEvents {
  CompletionStage<Done> park(ParkedEvent event);

  CompletionStage<List<ParkedEvent>> list(String projection);
}
