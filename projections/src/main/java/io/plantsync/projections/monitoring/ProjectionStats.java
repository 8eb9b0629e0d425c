package io.plantsync.projections.monitoring;

import java.time.Instant;

/**
 * What one projection has done on this node: events handled, the lag of the most recent ones (from
 * the event's write to the end of its handling), failures and parked events.
 */
public final class ProjectionStats {

  private final String projection;
  private final LagWindow lags = new LagWindow();
  private long handled;
  private long failures;
  private long parked;
  private Instant lastHandledAt;
  private Instant lastEventAt;

  ProjectionStats(String projection) {
    this.projection = projection;
  }

  synchronized void handled(long eventTimestampMillis, long nowMillis) {
    lags.record(nowMillis - eventTimestampMillis);
    handled++;
    lastHandledAt = Instant.ofEpochMilli(nowMillis);
    lastEventAt = Instant.ofEpochMilli(eventTimestampMillis);
  }

  synchronized void failed() {
    failures++;
  }

  public synchronized void parked() {
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
