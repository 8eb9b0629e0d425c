package io.plantsync.projections.monitoring;

import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.javadsl.Handler;

/** Measures a handler: lag from the event's write to the end of its handling, and failures. */
public final class MonitoredHandler<E> extends Handler<EventEnvelope<E>> {

  private final Handler<EventEnvelope<E>> inner;
  private final ProjectionStats stats;

  public MonitoredHandler(Handler<EventEnvelope<E>> inner, ProjectionStats stats) {
    this.inner = inner;
    this.stats = stats;
  }

  @Override
  public CompletionStage<Done> process(EventEnvelope<E> envelope) throws Exception {
    return inner.process(envelope).whenComplete((done, failure) -> {
      if (failure == null) stats.handled(envelope.timestamp(), System.currentTimeMillis());
      else stats.failed();
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
