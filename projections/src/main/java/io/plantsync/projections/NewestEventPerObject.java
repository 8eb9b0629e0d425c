package io.plantsync.projections;

import io.plantsync.projections.monitoring.ProjectionStats;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.javadsl.Handler;

/**
 * Hands on only each object's newest event of a group, for a handler whose work on that event covers
 * the earlier ones (a view row written from the figures after the newest event): an object with ten
 * events in a group is written once, not ten times. The events it skips count as handled, with
 * their own lag, once the group is.
 */
final class NewestEventPerObject<E> extends Handler<List<EventEnvelope<E>>> {

  private final Handler<List<EventEnvelope<E>>> inner;
  private final ProjectionStats stats;

  NewestEventPerObject(Handler<List<EventEnvelope<E>>> inner, ProjectionStats stats) {
    this.inner = inner;
    this.stats = stats;
  }

  @Override
  public CompletionStage<Done> process(List<EventEnvelope<E>> group) throws Exception {
    List<EventEnvelope<E>> newest = new ArrayList<>();
    List<EventEnvelope<E>> covered = new ArrayList<>();
    for (List<EventEnvelope<E>> events : ObjectsInParallel.byObject(group).values()) {
      newest.add(events.get(events.size() - 1));
      covered.addAll(events.subList(0, events.size() - 1));
    }
    return inner.process(newest).thenApply(done -> {
      long now = System.currentTimeMillis();
      covered.forEach(envelope -> stats.handled(envelope.timestamp(), now));
      return done;
    });
  }

  @Override
  public CompletionStage<Done> start() {
    return inner.start();
  }

  @Override
  public CompletionStage<Done> stop() {
    return inner.stop();
  }
}
