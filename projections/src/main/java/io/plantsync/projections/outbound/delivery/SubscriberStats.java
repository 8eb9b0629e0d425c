package io.plantsync.projections.outbound.delivery;

import io.plantsync.projections.monitoring.LagWindow;
import java.time.Instant;

/**
 * Deliveries to one subscriber counted by this node: how many arrived, when the last one did, and
 * the lag (event written to receiver's 2xx) of the most recent deliveries.
 */
public final class SubscriberStats {

  private final String subscriber;
  private final LagWindow lags = new LagWindow();
  private long delivered;
  private long retries;
  private Instant lastDeliveredAt;

  SubscriberStats(String subscriber) {
    this.subscriber = subscriber;
  }

  synchronized void delivered(long eventTimestampMillis, long nowMillis) {
    lags.record(nowMillis - eventTimestampMillis);
    delivered++;
    lastDeliveredAt = Instant.ofEpochMilli(nowMillis);
  }

  synchronized void retried() {
    retries++;
  }

  /** The figures with the subscriber's current dead-letter count (cluster-wide, from Cassandra). */
  public synchronized Snapshot snapshot(long deadLetters) {
    return new Snapshot(subscriber, delivered, retries, lastDeliveredAt, lags.percentile(0.5),
        lags.percentile(0.99), deadLetters);
  }

  public record Snapshot(String subscriber, long delivered, long retries, Instant lastDeliveredAt, Long lagP50Millis,
      Long lagP99Millis, long deadLetters) {}
}
