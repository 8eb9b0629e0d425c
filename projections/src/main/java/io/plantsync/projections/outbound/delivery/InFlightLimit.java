package io.plantsync.projections.outbound.delivery;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * At most {@code limit} asynchronous calls at a time; further calls wait in arrival order, without
 * holding a thread, until one finishes. Keeps a subscriber's endpoint from receiving one connection
 * per object being delivered.
 */
final class InFlightLimit {

  private final int limit;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();

  InFlightLimit(int limit) {
    if (limit < 1) throw new IllegalArgumentException("limit must be >= 1");
    this.limit = limit;
  }

  <T> CompletionStage<T> run(Supplier<CompletionStage<T>> call) {
    CompletableFuture<T> result = new CompletableFuture<>();
    waiting.add(() -> {
      CompletionStage<T> started;
      try {
        started = call.get();
      } catch (RuntimeException e) {
        started = CompletableFuture.failedFuture(e);
      }
      started.whenComplete((value, failure) -> {
        inFlight.decrementAndGet();
        startWaiting();
        if (failure != null) result.completeExceptionally(failure);
        else result.complete(value);
      });
    });
    startWaiting();
    return result;
  }

  int inFlight() {
    return inFlight.get();
  }

  /** Starts waiting calls while a slot is free; a slot is taken before a call is dequeued. */
  private void startWaiting() {
    while (!waiting.isEmpty()) {
      int now = inFlight.get();
      if (now >= limit) return;
      if (!inFlight.compareAndSet(now, now + 1)) continue;
      Runnable next = waiting.poll();
      if (next == null) {
        inFlight.decrementAndGet();
        // A call may have been queued between the check and the poll by a thread that saw no slot.
        continue;
      }
      next.run();
    }
  }
}
