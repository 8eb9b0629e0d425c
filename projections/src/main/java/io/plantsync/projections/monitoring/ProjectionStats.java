package io.plantsync.projections.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * What one projection has done on this node: events handled, the lag of the most recent ones (from
 * the event's write to the end of its handling), failures and parked events. The same figures go to
 * the node's meters, labelled with the projection's name.
 */
public final class ProjectionStats {

  private final String projection;
  private final LagWindow lags = new LagWindow();
  private long handled;
  private long failures;
  private long parked;
  private Instant lastHandledAt;
  private Instant lastEventAt;
  private final Counter handledMeter;
  private final Counter failuresMeter;
  private final Counter parkedMeter;
  private final Timer lagMeter;

  ProjectionStats(String projection, MeterRegistry registry) {
    this.projection = projection;
    Tags tags = Tags.of("projection", projection);
    handledMeter = Counter.builder("plantsync.projection.events").tags(tags)
        .description("Events this node's instances of the projection handled (parked ones included)")
        .register(registry);
    failuresMeter = Counter.builder("plantsync.projection.failures").tags(tags)
        .description("Handler failures; each is retried, restarted from the stored offset or parked")
        .register(registry);
    parkedMeter = Counter.builder("plantsync.projection.parked.events").tags(tags)
        .description("Events parked by this node: not applied, listed in /v1/ops/parked-events").register(registry);
    lagMeter = LagTimer.register(registry, "plantsync.projection.lag",
        "Time from an event's write to the end of its handling", tags);
  }

  public synchronized void handled(long eventTimestampMillis, long nowMillis) {
    lags.record(nowMillis - eventTimestampMillis);
    lagMeter.record(Math.max(0, nowMillis - eventTimestampMillis), TimeUnit.MILLISECONDS);
    handledMeter.increment();
    handled++;
    lastHandledAt = Instant.ofEpochMilli(nowMillis);
    lastEventAt = Instant.ofEpochMilli(eventTimestampMillis);
  }

  synchronized void failed() {
    failuresMeter.increment();
    failures++;
  }

  public synchronized void parked() {
    parkedMeter.increment();
    parked++;
  }

  /** A consistent copy for reporting. */
  public synchronized Snapshot snapshot() {
    return new Snapshot(projection, handled, failures, parked, lags.percentile(0.50), lags.percentile(0.99),
        lastEventAt, lastHandledAt);
  }

  /** The JSON-ready view of one projection's figures (lags in milliseconds, null before any event). */
  public record Snapshot(
      String projection, long handled, long failures, long parked, Long lagP50Millis, Long lagP99Millis,
      Instant lastEventAt, Instant lastHandledAt) {}
}
