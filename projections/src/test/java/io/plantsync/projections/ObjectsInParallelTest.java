package io.plantsync.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.pekko.Done;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.javadsl.Handler;
import org.junit.jupiter.api.Test;

class ObjectsInParallelTest {

  /** Handles each event after a short random pause on another thread, recording what ran when. */
  static final class Recording extends Handler<EventEnvelope<String>> {
    final Map<String, List<Long>> handled = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
    final AtomicInteger objectsRunning = new AtomicInteger();
    final AtomicInteger mostObjectsAtOnce = new AtomicInteger();
    final AtomicInteger overlapsWithinAnObject = new AtomicInteger();
    final List<String> started = Collections.synchronizedList(new ArrayList<>());
    volatile String failingObject;

    @Override
    public CompletionStage<Done> process(EventEnvelope<String> envelope) {
      String object = envelope.persistenceId();
      started.add(object);
      if (running.computeIfAbsent(object, o -> new AtomicInteger()).incrementAndGet() > 1) {
        overlapsWithinAnObject.incrementAndGet();
      }
      mostObjectsAtOnce.accumulateAndGet(objectsRunning.incrementAndGet(), Math::max);
      long pause = Math.floorMod(envelope.sequenceNr() * 7 + object.hashCode(), 3);
      return CompletableFuture.supplyAsync(() -> {
        objectsRunning.decrementAndGet();
        running.get(object).decrementAndGet();
        if (object.equals(failingObject)) throw new IllegalStateException("refused " + object);
        handled.computeIfAbsent(object, o -> Collections.synchronizedList(new ArrayList<>())).add(envelope.sequenceNr());
        return Done.getInstance();
      }, CompletableFuture.delayedExecutor(pause, TimeUnit.MILLISECONDS));
    }
  }

  static EventEnvelope<String> event(String object, long seqNr) {
    return EventEnvelope.create(Offset.sequence(seqNr), object, seqNr, "event", 0L);
  }

  /** A tag's group: objects' events interleaved, each object's in sequence order. */
  static List<EventEnvelope<String>> group(List<Integer> objectOfEachEvent) {
    Map<String, Long> next = new LinkedHashMap<>();
    List<EventEnvelope<String>> group = new ArrayList<>();
    for (int object : objectOfEachEvent) {
      String id = "Lot|1000/L" + object;
      group.add(event(id, next.merge(id, 1L, Long::sum)));
    }
    return group;
  }

  @Property(tries = 200)
  void everyEventIsHandledOnceAndEachObjectsEventsInOrder(
      @ForAll @Size(max = 64) List<@IntRange(min = 0, max = 12) Integer> objectOfEachEvent,
      @ForAll @IntRange(min = 1, max = 8) int parallelism) throws Exception {
    List<EventEnvelope<String>> group = group(objectOfEachEvent);
    Recording inner = new Recording();

    new ObjectsInParallel<>(inner, parallelism).process(group).toCompletableFuture().get(10, TimeUnit.SECONDS);

    Map<String, List<Long>> expected = new LinkedHashMap<>();
    group.forEach(e -> expected.computeIfAbsent(e.persistenceId(), o -> new ArrayList<>()).add(e.sequenceNr()));
    assertThat(inner.handled).isEqualTo(expected);
    assertThat(inner.overlapsWithinAnObject).hasValue(0);
    assertThat(inner.mostObjectsAtOnce.get()).isLessThanOrEqualTo(parallelism);
  }

  @Test
  void objectsRunAtTheSameTimeUpToTheLimit() throws Exception {
    List<CompletableFuture<Done>> pending = Collections.synchronizedList(new ArrayList<>());
    Handler<EventEnvelope<String>> holding = new Handler<>() {
      @Override
      public CompletionStage<Done> process(EventEnvelope<String> envelope) {
        CompletableFuture<Done> done = new CompletableFuture<>();
        pending.add(done);
        return done;
      }
    };
    List<EventEnvelope<String>> group = new ArrayList<>();
    for (int i = 0; i < 10; i++) group.add(event("Order|1000/O" + i, 1));

    CompletableFuture<Done> handled = new ObjectsInParallel<>(holding, 4).process(group).toCompletableFuture();

    assertThat(pending).hasSize(4);
    while (!handled.isDone()) {
      assertThat(pending).isNotEmpty();
      pending.remove(0).complete(Done.getInstance());
    }
    assertThat(handled).isCompleted();
  }

  @Test
  void aFailureFailsTheGroupAndStartsNoFurtherObjects() {
    Recording inner = new Recording();
    inner.failingObject = "Lot|1000/L0";
    List<EventEnvelope<String>> group = group(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));

    CompletableFuture<Done> handled = new ObjectsInParallel<>(inner, 1).process(group).toCompletableFuture();

    assertThatThrownBy(() -> handled.get(10, TimeUnit.SECONDS)).hasMessageContaining("refused Lot|1000/L0");
    assertThat(inner.started).containsExactly("Lot|1000/L0");
  }
}
