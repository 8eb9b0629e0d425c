package io.plantsync.projections.outbound.delivery;

import java.time.Instant;
import java.util.Arrays;

/**
 * Deliveries to one subscriber counted by this node: how many arrived, when the last one did, and
 * the lag (event written to receiver's 2xx) of the last {@link #WINDOW} deliveries.
 */
public final class SubscriberStats {

  static final int WINDOW = 1024;

  private final String subscriber;
  private final long[] lags = new long[WINDOW];
  private long delivered;
  private long retries;
  private Instant lastDeliveredAt;

  SubscriberStats(String subscriber) {
    this.subscriber = subscriber;
  }

  synchronized void delivered(long eventTimestampMillis, long nowMillis) {
    lags[(int) (delivered % WINDOW)] = Math.max(0, nowMillis - eventTimestampMillis);
    delivered++;
    lastDeliveredAt = Instant.ofEpochMilli(nowMillis);
  }

  synchronized void retried() {
    retries++;
  }

  /** The figures with the subscriber's current dead-letter count (cluster-wide, from Cassandra). */
  public synchronized Snapshot snapshot(long deadLetters) {
    long[] sorted = Arrays.copyOf(lags, (int) Math.min(delivered, WINDOW));
    Arrays.sort(sorted);
    return new Snapshot(subscriber, delivered, retries, lastDeliveredAt, percentile(sorted, 0.5),
        percentile(sorted, 0.99), deadLetters);
  }

  private static Long percentile(long[] sorted, double p) {
    return sorted.length == 0 ? null : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  }

  public record Snapshot(String subscriber, long delivered, long retries, Instant lastDeliveredAt, Long lagP50Millis,
      Long lagP99Millis, long deadLetters) {}
}
