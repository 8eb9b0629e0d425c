package io.plantsync.projections.exceptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BoundedWritesTest {

  final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  final List<Long> reports = new ArrayList<>();
  final BoundedWrites writes = new BoundedWrites(2, Duration.ofMinutes(1), nanos::get, reports::add);

  @Test
  void writesBeyondTheBoundAreDroppedNotQueuedAndCounted() {
    CompletableFuture<String> first = new CompletableFuture<>();
    CompletableFuture<String> second = new CompletableFuture<>();
    List<Integer> started = new ArrayList<>();
    writes.submit(() -> { started.add(1); return first; });
    writes.submit(() -> { started.add(2); return second; });
    CompletionStage<String> third = writes.submit(() -> { started.add(3); return new CompletableFuture<>(); });

    assertThat(started).containsExactly(1, 2);
    assertThat(third.toCompletableFuture()).isCompletedExceptionally();
    assertThat(writes.dropped()).isEqualTo(1);
    assertThat(writes.inFlight()).isEqualTo(2);

    first.complete("ok");
    assertThat(writes.inFlight()).isEqualTo(1);
    writes.submit(() -> { started.add(4); return CompletableFuture.completedFuture("ok"); });
    assertThat(started).containsExactly(1, 2, 4);
  }

  @Test
  void aFailedOrThrowingWriteFreesItsPlace() {
    writes.submit(() -> CompletableFuture.failedFuture(new IllegalStateException("cassandra down")));
    CompletionStage<String> thrown = writes.submit(() -> { throw new IllegalStateException("no session"); });
    assertThat(thrown.toCompletableFuture()).isCompletedExceptionally();
    assertThat(writes.inFlight()).isZero();
    assertThat(writes.dropped()).isZero();
  }

  @Test
  void dropsAreReportedAtOnceThenAtMostOncePerMinuteWithTheirCount() {
    writes.submit(CompletableFuture::new);
    writes.submit(CompletableFuture::new);
    writes.submit(CompletableFuture::new);
    assertThat(reports).containsExactly(1L);

    for (int i = 0; i < 5; i++) writes.submit(CompletableFuture::new);
    nanos.addAndGet(Duration.ofSeconds(59).toNanos());
    writes.submit(CompletableFuture::new);
    assertThat(reports).as("not yet a minute").containsExactly(1L);

    nanos.addAndGet(Duration.ofSeconds(1).toNanos());
    writes.submit(CompletableFuture::new);
    assertThat(reports).containsExactly(1L, 7L);
    assertThat(writes.dropped()).isEqualTo(8);
  }
}
