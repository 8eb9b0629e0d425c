package io.plantsync.projections.parking;

import io.plantsync.aggregates.common.Delay;
import io.plantsync.aggregates.observability.LogContext;
import io.plantsync.projections.monitoring.ProjectionStats;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.Done;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.javadsl.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a projection flowing past a poison event without losing it (failure mode FM-poison-event,
 * src/docs/failure-modes.md). A failure that retrying can fix (a timeout, Cassandra unavailable)
 * fails the handler, so the projection restarts from its stored offset. Any other failure is tried
 * {@link #ATTEMPTS} times, then the event is parked; later events of the same object are parked
 * behind it, so an object's events are never applied out of order. Parked events are listed in the
 * operations API.
 */
public final class ParkingHandler<E> extends Handler<EventEnvelope<E>> {

  static final int ATTEMPTS = 3;
  private static final Logger log = LoggerFactory.getLogger(ParkingHandler.class);

  private final Handler<EventEnvelope<E>> inner;
  private final String projection;
  private final ParkedEvents parked;
  private final ProjectionStats stats;
  private final Duration retryDelay;
  private final Delay delay;
  private final Set<String> objectsWithParkedEvents = ConcurrentHashMap.newKeySet();

  public ParkingHandler(Handler<EventEnvelope<E>> inner, String projection, ParkedEvents parked,
      ProjectionStats stats, Duration retryDelay, Delay delay) {
    this.inner = inner;
    this.projection = projection;
    this.parked = parked;
    this.stats = stats;
    this.retryDelay = retryDelay;
    this.delay = delay;
  }

  @Override
  public CompletionStage<Done> start() {
    return parked.list(projection)
        .thenAccept(events -> events.forEach(e -> objectsWithParkedEvents.add(e.persistenceId())))
        .thenCompose(loaded -> inner.start());
  }

  @Override
  public CompletionStage<Done> stop() {
    return inner.stop();
  }

  @Override
  public CompletionStage<Done> process(EventEnvelope<E> envelope) {
    if (objectsWithParkedEvents.contains(envelope.persistenceId())) {
      return park(envelope, "parked behind an earlier parked event of the same object");
    }
    return attempt(envelope, 1);
  }

  private CompletionStage<Done> attempt(EventEnvelope<E> envelope, int attempt) {
    CompletionStage<Done> result;
    try {
      result = inner.process(envelope);
    } catch (Exception e) {
      result = CompletableFuture.failedFuture(e);
    }
    return result.handle((done, failure) -> {
      if (failure == null) return CompletableFuture.completedFuture(done);
      Throwable cause = unwrap(failure);
      if (isTransient(cause)) return CompletableFuture.<Done>failedFuture(cause);
      if (attempt < ATTEMPTS) {
        return delay.after(retryDelay).thenCompose(ignored -> attempt(envelope, attempt + 1));
      }
      objectsWithParkedEvents.add(envelope.persistenceId());
      return park(envelope, cause.toString());
    }).thenCompose(stage -> stage);
  }

  private CompletionStage<Done> park(EventEnvelope<E> envelope, String reason) {
    LogContext.around(null, null, envelope.persistenceId(), () -> log.error("Projection {} parked event {} of {}: {}",
        projection, envelope.sequenceNr(), envelope.persistenceId(), reason));
    stats.parked();
    return parked.park(new ParkedEvent(projection, envelope.persistenceId(), envelope.sequenceNr(),
        envelope.event().getClass().getSimpleName(), reason, Instant.now()));
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) cause = cause.getCause();
    return cause;
  }

  /** Failures of the infrastructure, which a later attempt can succeed past. */
  static boolean isTransient(Throwable cause) {
    return cause instanceof TimeoutException
        || cause instanceof com.datastax.oss.driver.api.core.DriverException;
  }
}
