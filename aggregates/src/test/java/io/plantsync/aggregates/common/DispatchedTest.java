package io.plantsync.aggregates.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import scala.concurrent.Promise;
import scala.jdk.javaapi.FutureConverters;

/** A stage as Pekko's Java API hands it out (a Scala future seen from Java), brought onto a chosen executor. */
class DispatchedTest {

  final ExecutorService dispatcher = Executors.newSingleThreadExecutor(r -> new Thread(r, "chosen-dispatcher"));

  @AfterEach
  void stop() {
    dispatcher.shutdownNow();
  }

  @Test
  void callbacksOfAPendingStageRunOnTheChosenDispatcher() throws Exception {
    Promise<String> promise = Promise.apply();
    CompletionStage<String> fromPekko = FutureConverters.asJava(promise.future());
    CompletableFuture<String> thread = Dispatched.on(dispatcher, fromPekko)
        .thenApply(value -> value + " on " + Thread.currentThread().getName());

    new Thread(() -> promise.success("answer"), "completing-thread").start();

    assertThat(thread.get(5, TimeUnit.SECONDS)).isEqualTo("answer on chosen-dispatcher");
  }

  @Test
  void aCompletedStageIsCopiedWithoutACallback() throws Exception {
    CompletionStage<String> fromPekko = FutureConverters.asJava(Promise.<String>successful("done").future());
    CompletableFuture<String> plain = Dispatched.on(dispatcher, fromPekko);

    assertThat(plain).isDone();
    assertThat(plain.thenApply(value -> Thread.currentThread().getName()).get())
        .isEqualTo(Thread.currentThread().getName());
  }

  @Test
  void aFailureArrivesUnwrapped() {
    IllegalStateException failure = new IllegalStateException("no answer");
    CompletionStage<String> pending = FutureConverters.asJava(Promise.<String>apply().failure(failure).future());

    assertThatThrownBy(() -> Dispatched.on(dispatcher, pending).get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).cause().isSameAs(failure);
  }
}
