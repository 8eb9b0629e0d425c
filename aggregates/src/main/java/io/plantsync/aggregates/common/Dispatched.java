package io.plantsync.aggregates.common;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Brings a future from Pekko's Java API onto a dispatcher PlantSync chose.
 *
 * <p>The stages Pekko hands out (ask replies, Cassandra session results, materialized stream values,
 * HTTP client responses) wrap Scala futures, and they run even their plain callbacks
 * ({@code thenApply}, {@code whenComplete}, ...) as {@code *Async} on the JDK's default executor.
 * With fewer than three CPUs that executor starts a new OS thread for every callback (~190 us of CPU
 * each, measured), outside the dispatchers the node's thread settings size. Such a stage goes
 * through {@link #on} once, where it enters PlantSync's code: the future returned completes on the
 * given dispatcher, and the callbacks chained to it run there, on the thread that completed it.
 */
public final class Dispatched {
  private Dispatched() {}

  /** {@code stage}'s outcome, completed on the actor system's default dispatcher. */
  public static <T> CompletableFuture<T> on(ActorSystem<?> system, CompletionStage<T> stage) {
    return on(system.executionContext(), stage);
  }

  /** {@code stage}'s outcome, completed on {@code dispatcher} (at once when it is already complete). */
  public static <T> CompletableFuture<T> on(Executor dispatcher, CompletionStage<T> stage) {
    CompletableFuture<T> source = stage.toCompletableFuture();
    CompletableFuture<T> plain = new CompletableFuture<>();
    if (source.isDone()) {
      copy(source, plain);
    } else {
      source.whenCompleteAsync((value, failure) -> complete(plain, value, failure), dispatcher);
    }
    return plain;
  }

  /**
   * Runs {@code action} once {@code system} has terminated, on the thread that completed its
   * termination: no dispatcher is left by then.
   */
  public static void whenTerminated(ActorSystem<?> system, Runnable action) {
    system.getWhenTerminated().toCompletableFuture().whenCompleteAsync((done, failure) -> action.run(), Runnable::run);
  }

  /** Not through a callback: on Pekko's futures even those of a completed one run on the JDK's executor. */
  private static <T> void copy(CompletableFuture<T> done, CompletableFuture<T> target) {
    try {
      target.complete(done.join());
    } catch (CompletionException e) {
      target.completeExceptionally(e.getCause());
    } catch (CancellationException e) {
      target.completeExceptionally(e);
    }
  }

  private static <T> void complete(CompletableFuture<T> target, T value, Throwable failure) {
    if (failure != null) target.completeExceptionally(failure);
    else target.complete(value);
  }
}
