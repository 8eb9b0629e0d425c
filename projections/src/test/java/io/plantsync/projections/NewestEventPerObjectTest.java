package io.plantsync.projections;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.plantsync.projections.monitoring.ProjectionMonitor;
import io.plantsync.projections.monitoring.ProjectionStats;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.pekko.Done;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.javadsl.Handler;

class NewestEventPerObjectTest {

  @Property(tries = 200)
  void eachObjectIsHandedOnOnceWithItsNewestEventAndTheGroupCountsAsHandled(
      @ForAll @Size(max = 64) List<@IntRange(min = 0, max = 12) Integer> objectOfEachEvent) throws Exception {
    List<EventEnvelope<String>> group = ObjectsInParallelTest.group(objectOfEachEvent);
    List<EventEnvelope<String>> handedOn = new CopyOnWriteArrayList<>();
    Handler<List<EventEnvelope<String>>> inner = new Handler<>() {
      @Override
      public CompletableFuture<Done> process(List<EventEnvelope<String>> envelopes) {
        handedOn.addAll(envelopes);
        return CompletableFuture.completedFuture(Done.getInstance());
      }
    };
    ProjectionStats stats = new ProjectionMonitor(null, new SimpleMeterRegistry()).register("view", List.of("t0"));

    new NewestEventPerObject<>(inner, stats).process(group).toCompletableFuture().get(5, TimeUnit.SECONDS);

    Map<String, Long> newest = group.stream().collect(Collectors.toMap(EventEnvelope::persistenceId,
        EventEnvelope::sequenceNr, Math::max));
    assertThat(handedOn).extracting(EventEnvelope::persistenceId).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(newest.keySet());
    assertThat(handedOn).allSatisfy(e -> assertThat(e.sequenceNr()).isEqualTo(newest.get(e.persistenceId())));
    // The inner handler's own measuring counts what it was handed; the covered events are counted here.
    assertThat(stats.snapshot().handled()).isEqualTo(group.size() - newest.size());
  }
}
