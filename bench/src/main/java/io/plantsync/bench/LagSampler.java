package io.plantsync.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Asks the node's sync status every 5 s during a step (W4), off the generator's sending thread. */
final class LagSampler implements AutoCloseable {

  private record Timed(long nanos, long lagP99Millis) {}

  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "bench-sync-status");
    t.setDaemon(true);
    return t;
  });
  private final List<Timed> samples = new ArrayList<>();
  private volatile String latest = "";

  LagSampler(SyncStatus status) {
    executor.scheduleWithFixedDelay(() -> {
      try {
        SyncStatus.Sample sample = status.sample();
        latest = sample.describe();
        if (sample.worstLagP99Millis() != null) {
          synchronized (samples) {
            samples.add(new Timed(System.nanoTime(), sample.worstLagP99Millis()));
          }
        }
      } catch (Exception e) {
        latest = "sync-status: " + e.getMessage();
      }
    }, 5, 5, TimeUnit.SECONDS);
  }

  String latest() {
    return latest;
  }

  /** The worst projection lag p99 sampled at or after {@code fromNanos}; null without samples. */
  Long worstSince(long fromNanos) {
    synchronized (samples) {
      return samples.stream().filter(s -> s.nanos() >= fromNanos).mapToLong(Timed::lagP99Millis).boxed()
          .max(Long::compare).orElse(null);
    }
  }

  /** The last projection lag p99 sampled at or after {@code fromNanos} (the step's end); null without samples. */
  Long lastSince(long fromNanos) {
    synchronized (samples) {
      return samples.stream().filter(s -> s.nanos() >= fromNanos).reduce((first, second) -> second)
          .map(Timed::lagP99Millis).orElse(null);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
