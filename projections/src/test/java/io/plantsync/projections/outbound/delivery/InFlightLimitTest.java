package io.plantsync.projections.outbound.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InFlightLimitTest {

  @Test
  void callsBeyondTheLimitWaitInArrivalOrderUntilOneFinishes() {
    InFlightLimit limit = new InFlightLimit(2);
    List<CompletableFuture<String>> started = new ArrayList<>();
    List<CompletionStage<String>> results = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      results.add(limit.run(() -> {
        CompletableFuture<String> call = new CompletableFuture<>();
        started.add(call);
        return call;
      }));
    }
    assertThat(started).hasSize(2);

    started.get(0).complete("first");
    assertThat(started).hasSize(3);
    started.get(2).completeExceptionally(new IllegalStateException("refused"));
    assertThat(started).hasSize(4);

    assertThat(results.get(0).toCompletableFuture()).isCompletedWithValue("first");
    assertThat(results.get(2).toCompletableFuture()).isCompletedExceptionally();
    assertThat(results.get(4).toCompletableFuture()).isNotDone();
    assertThat(limit.inFlight()).isEqualTo(2);
  }

  @Test
  void neverMoreThanTheLimitInFlightUnderConcurrentCallers() throws Exception {
    InFlightLimit limit = new InFlightLimit(3);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    List<CompletableFuture<Integer>> results = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Thread> callers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      callers.add(startThread(() -> {
        for (int i = 0; i < 200; i++) {
          results.add(limit.<Integer>run(() -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            return CompletableFuture.supplyAsync(() -> running.decrementAndGet(),
                CompletableFuture.delayedExecutor(100, TimeUnit.MICROSECONDS));
          }).toCompletableFuture());
        }
      }));
    }
    for (Thread caller : callers) caller.join();
    CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

    assertThat(results).hasSize(800);
    assertThat(most.get()).isBetween(1, 3);
    assertThat(limit.inFlight()).isZero();
  }

  private static Thread startThread(Runnable body) {
    Thread thread = new Thread(body, "caller");
    thread.start();
    return thread;
  }
}
