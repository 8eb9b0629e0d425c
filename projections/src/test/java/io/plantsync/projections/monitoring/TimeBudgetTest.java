package io.plantsync.projections.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plantsync.aggregates.common.Delay;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class TimeBudgetTest {

  /** Real time, off any actor system (the node uses Pekko's scheduler). */
  static final Delay CLOCK = delay -> CompletableFuture.runAsync(() -> {},
      CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS));


  @Test
  void aChainThatFinishesInTimeGivesItsResult() throws Exception {
    var answer = TimeBudget.within(CLOCK, Duration.ofSeconds(5), "counted", spent -> CompletableFuture.completedFuture(42L));

    assertThat(answer.get(1, TimeUnit.SECONDS)).isEqualTo(42L);
  }

  @Test
  void aSlowChainIsAnsweredWhenTheBudgetIsSpentAndIssuesNoFurtherReads() throws Exception {
    AtomicInteger reads = new AtomicInteger();
    CompletableFuture<Long> slowRead = new CompletableFuture<>();
    var answer = TimeBudget.within(CLOCK, Duration.ofMillis(100), "counted", spent -> {
      reads.incrementAndGet();
      return slowRead.thenCompose(first -> nextRead(spent, reads));
    });

    assertThatThrownBy(() -> answer.get(2, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(TimeoutException.class).hasMessage("not counted within 100 ms: Cassandra answered too slowly");
    slowRead.complete(1L);
    assertThat(reads).as("the read after the slow one is not issued").hasValue(1);
  }

  @Test
  void aFailedReadIsTheAnswersCauseUnwrapped() {
    var answer = TimeBudget.within(CLOCK, Duration.ofSeconds(5), "counted", spent -> CompletableFuture.completedFuture(1L)
        .thenCompose(one -> CompletableFuture.<Long>failedFuture(new IllegalStateException("no node reachable"))));

    assertThatThrownBy(() -> answer.get(1, TimeUnit.SECONDS)).cause()
        .isInstanceOf(IllegalStateException.class).hasMessage("no node reachable");
  }

  private static CompletionStage<Long> nextRead(BooleanSupplier spent, AtomicInteger reads) {
    if (spent.getAsBoolean()) return TimeBudget.abandoned();
    reads.incrementAndGet();
    return CompletableFuture.completedFuture(2L);
  }
}
