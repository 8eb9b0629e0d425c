package io.plantsync.projections.parking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.plantsync.aggregates.common.Delay;
import io.plantsync.projections.monitoring.ProjectionMonitor;
import io.plantsync.projections.monitoring.ProjectionStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.Done;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.javadsl.Handler;
import org.junit.jupiter.api.Test;

class ParkingHandlerTest {

  static final Delay NO_WAIT = delay -> CompletableFuture.completedFuture(null);


  /** Parked events in memory: this test is about the handler's decisions, not about Cassandra. */
  static final class InMemoryParkedEvents implements ParkedEvents {
    final List<ParkedEvent> events = Collections.synchronizedList(new ArrayList<>());

    @Override
    public CompletionStage<Done> park(ParkedEvent event) {
      events.add(event);
      return CompletableFuture.completedFuture(Done.getInstance());
    }

    @Override
    public CompletionStage<List<ParkedEvent>> list(String projection) {
      return CompletableFuture.completedFuture(List.copyOf(events));
    }
  }

  /** Fails for one object's events with the given error; handles every other event. */
  static final class Handles extends Handler<EventEnvelope<String>> {
    final List<String> handled = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger attempts = new AtomicInteger();
    final String failingObject;
    final RuntimeException error;

    Handles(String failingObject, RuntimeException error) {
      this.failingObject = failingObject;
      this.error = error;
    }

    @Override
    public CompletionStage<Done> process(EventEnvelope<String> envelope) {
      if (envelope.persistenceId().equals(failingObject) && envelope.event().startsWith("poison")) {
        attempts.incrementAndGet();
        return CompletableFuture.failedFuture(error);
      }
      handled.add(envelope.persistenceId() + "#" + envelope.sequenceNr());
      return CompletableFuture.completedFuture(Done.getInstance());
    }
  }

  final InMemoryParkedEvents parked = new InMemoryParkedEvents();
  final ProjectionStats stats = new ProjectionMonitor(parked, new SimpleMeterRegistry()).statsFor("p");

  static EventEnvelope<String> event(String pid, long seqNr, String event) {
    return EventEnvelope.create(Offset.sequence(seqNr), pid, seqNr, event, System.currentTimeMillis());
  }

  static void run(ParkingHandler<String> handler, EventEnvelope<String> envelope) throws Exception {
    handler.process(envelope).toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  @Test
  void aPoisonEventIsTriedThenParkedAndLaterEventsOfItsObjectWaitBehindIt() throws Exception {
    Handles inner = new Handles("Lot|A", new IllegalStateException("cannot map event"));
    var handler = new ParkingHandler<>(inner, "p", parked, stats, Duration.ofMillis(1), NO_WAIT);
    handler.start().toCompletableFuture().get();

    run(handler, event("Lot|A", 1, "ok"));
    run(handler, event("Lot|A", 2, "poison"));
    run(handler, event("Lot|B", 1, "ok"));
    run(handler, event("Lot|A", 3, "ok"));

    assertThat(inner.attempts.get()).isEqualTo(ParkingHandler.ATTEMPTS);
    assertThat(inner.handled).containsExactly("Lot|A#1", "Lot|B#1");
    assertThat(parked.events).extracting(e -> e.persistenceId() + "#" + e.sequenceNr())
        .containsExactly("Lot|A#2", "Lot|A#3");
    assertThat(parked.events.get(0).reason()).contains("cannot map event");
    assertThat(stats.snapshot().parked()).isEqualTo(2);
  }

  @Test
  void aTransientFailureIsNotParkedButFailsTheHandlerSoTheEventIsDeliveredAgain() {
    Handles inner = new Handles("Lot|A", new CompletionException(new TimeoutException("ask timed out")));
    var handler = new ParkingHandler<>(inner, "p", parked, stats, Duration.ofMillis(1), NO_WAIT);
    assertThatThrownBy(() -> run(handler, event("Lot|A", 1, "poison")))
        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TimeoutException.class);
    assertThat(parked.events).isEmpty();
    assertThat(inner.attempts.get()).as("no retries inside: the projection restarts from its offset").isEqualTo(1);
  }

  @Test
  void objectsParkedBeforeARestartStayParked() throws Exception {
    parked.park(new ParkedEvent("p", "Lot|A", 2, "String", "earlier", java.time.Instant.now()));
    Handles inner = new Handles("none", null);
    var handler = new ParkingHandler<>(inner, "p", parked, stats, Duration.ofMillis(1), NO_WAIT);
    handler.start().toCompletableFuture().get();
    run(handler, event("Lot|A", 3, "ok"));
    assertThat(inner.handled).isEmpty();
    assertThat(parked.events).hasSize(2);
  }
}
