package io.plantsync.projections.monitoring;

import java.time.Instant;
import java.util.Arrays;

/**
 * What one projection has done on this node: events handled, the lag of the most recent ones (from
 * the event's write to the end of its handling), failures and parked events. Lags are kept in a
 * ring of the last {@link #WINDOW} events, so percentiles describe the present, not the day.
 */
public final class ProjectionStats {

  static final int WINDOW = 1024;

  private final String projection;
  private final long[] lagsMillis = new long[WINDOW];
  private long handled;
  private long failures;
  private long parked;
  private Instant lastHandledAt;
  private Instant lastEventAt;

  ProjectionStats(String projection) {
    this.projection = projection;
  }

  synchronized void handled(long eventTimestampMillis, long nowMillis) {
    lagsMillis[(int) (handled % WINDOW)] = Math.max(0, nowMillis - eventTimestampMillis);
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
    int size = (int) Math.min(handled, WINDOW);
    long[] lags = Arrays.copyOf(lagsMillis, size);
    Arrays.sort(lags);
    return new Snapshot(projection, handled, failures, parked, percentile(lags, 0.50), percentile(lags, 0.99),
        lastEventAt, lastHandledAt);
  }

  private static Long percentile(long[] sorted, double p) {
    if (sorted.length == 0) return null;
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  }

  /** The JSON-ready view of one projection's figures (lags in milliseconds, null before any event). */
  public record Snapshot(
      String projection, long handled, long failures, long parked, Long lagP50Millis, Long lagP99Millis,
      Instant lastEventAt, Instant lastHandledAt) {}
}
