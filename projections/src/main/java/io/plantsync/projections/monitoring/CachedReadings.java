package io.plantsync.projections.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Figures that cost Cassandra queries (backlogs, dead letters), for gauges. Reading a value starts a
 * refresh in the background when the last one began at least {@code interval} ago, and answers from
 * the cache at once: a scrape never waits for Cassandra, and nothing is queried while nobody
 * scrapes. So a scrape shows the figures of the previous refresh; NaN before the first one
 * completes and for keys the last refresh could not read.
 */
public final class CachedReadings {

  /** Prometheus scrapes every 15-60 s: figures at most half a minute older than the scrape. */
  public static final Duration INTERVAL = Duration.ofSeconds(30);

  private static final Logger log = LoggerFactory.getLogger(CachedReadings.class);

  private final Duration interval;
  private final Supplier<CompletionStage<Map<String, Double>>> read;
  private final Map<String, Double> values = new ConcurrentHashMap<>();
  private final AtomicBoolean reading = new AtomicBoolean();
  private volatile long lastStartNanos;

  /** {@code read} answers every key; a key it cannot read maps to NaN. */
  CachedReadings(Duration interval, Supplier<CompletionStage<Map<String, Double>>> read) {
    this.interval = interval;
    this.read = read;
    this.lastStartNanos = System.nanoTime() - interval.toNanos();
  }

  /**
   * One gauge {@code name{label=<key>}} per key. A refresh reads the keys one after another (never
   * a burst of queries), every {@link #INTERVAL} at most.
   */
  public static void registerGauges(MeterRegistry registry, String name, String description, String label,
      List<String> keys, Function<String, CompletionStage<? extends Number>> readOne) {
    var readings = new CachedReadings(INTERVAL, () -> {
      CompletionStage<Map<String, Double>> all = CompletableFuture.completedFuture(new HashMap<>());
      for (String key : keys) {
        all = all.thenCompose(map -> readOne.apply(key).handle((value, failure) -> {
          map.put(key, failure == null ? value.doubleValue() : Double.NaN);
          return map;
        }));
      }
      return all;
    });
    for (String key : keys) {
      Gauge.builder(name, readings, cached -> cached.value(key))
          .description(description)
          .tag(label, key)
          .strongReference(true)
          .register(registry);
    }
  }

  double value(String key) {
    refreshIfDue();
    return values.getOrDefault(key, Double.NaN);
  }

  private void refreshIfDue() {
    long now = System.nanoTime();
    if (now - lastStartNanos < interval.toNanos() || !reading.compareAndSet(false, true)) return;
    lastStartNanos = now;
    try {
      read.get().whenComplete((fresh, failure) -> {
        if (failure == null) values.putAll(fresh);
        else {
          log.debug("Could not refresh the figures: {}", failure.toString());
          values.replaceAll((key, value) -> Double.NaN);
        }
        reading.set(false);
      });
    } catch (RuntimeException e) {
      reading.set(false);
      throw e;
    }
  }
}
