package io.plantsync.projections.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * A histogram of lags from an event's write to its handling or delivery. The buckets are dense
 * around the 2 s floor every tag reader has by design (projections.md, "Lag") and reach minutes.
 */
public final class LagTimer {
  private LagTimer() {}

  private static final Duration[] BUCKETS = {
      Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMillis(2500),
      Duration.ofSeconds(3), Duration.ofSeconds(4), Duration.ofSeconds(5), Duration.ofSeconds(10),
      Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5),
      Duration.ofMinutes(15)};

  public static Timer register(MeterRegistry registry, String name, String description, Tags tags) {
    return Timer.builder(name).description(description).tags(tags).serviceLevelObjectives(BUCKETS).register(registry);
  }
}
