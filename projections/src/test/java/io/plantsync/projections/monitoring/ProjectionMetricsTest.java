package io.plantsync.projections.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.plantsync.projections.parking.ParkedEvent;
import io.plantsync.projections.parking.ParkedEvents;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.Done;
import org.junit.jupiter.api.Test;

/** A projection's figures reach the node's meters, and costly figures are read in the background. */
class ProjectionMetricsTest {

  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final ParkedEvents noParking = new ParkedEvents() {
    @Override
    public CompletableFuture<Done> park(ParkedEvent event) {
      return CompletableFuture.completedFuture(Done.getInstance());
    }

    @Override
    public CompletableFuture<List<ParkedEvent>> list(String projection) {
      return CompletableFuture.completedFuture(List.of());
    }
  };

  @Test
  void handledFailedAndParkedEventsAndTheirLagAreMeteredPerProjection() {
    ProjectionStats stats =
        new ProjectionMonitor(noParking, registry).register("hold-propagation", List.of("QualityHold-0"));
    stats.handled(10_000, 12_400);
    stats.handled(10_000, 10_500);
    stats.failed();
    stats.parked();

    assertThat(registry.get("plantsync.projection.events").tag("projection", "hold-propagation").counter().count())
        .isEqualTo(2);
    assertThat(registry.get("plantsync.projection.failures").tag("projection", "hold-propagation").counter().count())
        .isEqualTo(1);
    assertThat(registry.get("plantsync.projection.parked.events").tag("projection", "hold-propagation").counter()
        .count()).isEqualTo(1);
    var lag = registry.get("plantsync.projection.lag").tag("projection", "hold-propagation").timer();
    assertThat(lag.count()).isEqualTo(2);
    assertThat(lag.max(TimeUnit.MILLISECONDS)).isEqualTo(2400);
  }

  @Test
  void cachedReadingsAnswerAtOnceAndReadAgainOnlyAfterTheInterval() {
    AtomicInteger reads = new AtomicInteger();
    CompletableFuture<Map<String, Double>> pending = new CompletableFuture<>();
    var readings = new CachedReadings(Duration.ofHours(1), () -> {
      reads.incrementAndGet();
      return pending;
    });

    assertThat(readings.value("p")).as("nothing read yet").isNaN();
    assertThat(readings.value("p")).as("a read in flight is not started twice").isNaN();
    pending.complete(Map.of("p", 42.0));
    assertThat(readings.value("p")).isEqualTo(42.0);
    assertThat(reads).hasValue(1);
  }

  @Test
  void aFailedReadShowsUnknownRatherThanAStaleFigure() {
    AtomicInteger reads = new AtomicInteger();
    var readings = new CachedReadings(Duration.ZERO, () -> reads.incrementAndGet() == 1
        ? CompletableFuture.completedFuture(Map.of("p", 7.0))
        : CompletableFuture.failedFuture(new IllegalStateException("Cassandra is down")));

    readings.value("p");
    assertThat(readings.value("p")).isNaN();
    assertThat(reads).hasValue(2);
  }
}
