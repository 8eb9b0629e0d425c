package io.plantsync.projections.outbound.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.plantsync.projections.monitoring.LagTimer;
import io.plantsync.projections.monitoring.LagWindow;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Deliveries to one subscriber counted by this node: how many arrived, when the last one did, and
 * the lag (event written to receiver's 2xx) of the most recent deliveries. The same figures, and the
 * events this node turned into dead letters, go to the node's meters labelled with the subscriber.
 */
public final class SubscriberStats {

  private final String subscriber;
  private final LagWindow lags = new LagWindow();
  private long delivered;
  private long retries;
  private Instant lastDeliveredAt;
  private final Counter deliveredMeter;
  private final Counter retriesMeter;
  private final Counter deadLettersMeter;
  private final Timer lagMeter;

  SubscriberStats(String subscriber, MeterRegistry registry) {
    this.subscriber = subscriber;
    Tags tags = Tags.of("subscriber", subscriber);
    deliveredMeter = Counter.builder("plantsync.outbound.deliveries").tags(tags)
        .description("Events the subscriber's receiver acknowledged (2xx)").register(registry);
    retriesMeter = Counter.builder("plantsync.outbound.retries").tags(tags)
        .description("Delivery attempts that failed and were retried after a backoff").register(registry);
    deadLettersMeter = Counter.builder("plantsync.outbound.dead.lettered.events").tags(tags)
        .description("Events this node turned into dead letters (refused, out of attempts, or behind one)")
        .register(registry);
    lagMeter = LagTimer.register(registry, "plantsync.outbound.delivery.lag",
        "Time from an event's write to the receiver's 2xx", tags);
  }

  synchronized void delivered(long eventTimestampMillis, long nowMillis) {
    lags.record(nowMillis - eventTimestampMillis);
    lagMeter.record(Math.max(0, nowMillis - eventTimestampMillis), TimeUnit.MILLISECONDS);
    deliveredMeter.increment();
    delivered++;
    lastDeliveredAt = Instant.ofEpochMilli(nowMillis);
  }

  synchronized void retried() {
    retriesMeter.increment();
    retries++;
  }

  void deadLettered() {
    deadLettersMeter.increment();
  }

  /** The figures with the subscriber's current dead-letter count (cluster-wide, from Cassandra). */
  public synchronized Snapshot snapshot(long deadLetters) {
    return new Snapshot(subscriber, delivered, retries, lastDeliveredAt, lags.percentile(0.5),
        lags.percentile(0.99), deadLetters);
  }

  public record Snapshot(String subscriber, long delivered, long retries, Instant lastDeliveredAt, Long lagP50Millis,
      Long lagP99Millis, long deadLetters) {}
}
