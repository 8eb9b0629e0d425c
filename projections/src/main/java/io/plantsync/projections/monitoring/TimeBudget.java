package io.plantsync.projections.monitoring;

import io.plantsync.aggregates.common.Delay;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * A bounded wait for a chain of Cassandra reads: the answer fails with "not ... within" once the
 * budget is spent, and the chain is told so ({@code spent}) to stop issuing further reads. Used where
 * an operator waits for figures that take longer to read the busier Cassandra is.
 */
public final class TimeBudget {
  private TimeBudget() {}

  /**
   * @param what what is read, for the failure's message ("counted", "read")
   * @param work the chain; it should check {@code spent} before each further read
   */
  public static <T> CompletableFuture<T> within(Delay delay, Duration budget, String what,
      Function<BooleanSupplier, CompletionStage<T>> work) {
    CompletableFuture<T> answer = new CompletableFuture<>();
    delay.after(budget).thenRun(() -> answer.completeExceptionally(new TimeoutException(
        "not " + what + " within " + budget.toMillis() + " ms: Cassandra answered too slowly")));
    work.apply(answer::isDone).whenComplete((result, failure) -> {
      if (failure == null) answer.complete(result);
      else answer.completeExceptionally(failure instanceof CompletionException && failure.getCause() != null
          ? failure.getCause() : failure);
    });
    return answer;
  }

  /** What a chain returns when it stops because the budget is spent (the answer has already failed). */
  public static <T> CompletionStage<T> abandoned() {
    return CompletableFuture.failedFuture(new TimeoutException("abandoned: the time budget is spent"));
  }
}
