package io.plantsync.cluster;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One step of a node's start that waits for something (the schema, the management port, the API
 * binding). A step that does not finish in time, or fails, ends the start with a message naming
 * the step: a bare TimeoutException has no message, and a node that stopped that way looked as
 * if it had stopped for no reason.
 */
final class StartStep {
  private StartStep() {}

  static <T> T await(String step, CompletionStage<T> stage, Duration timeout) throws InterruptedException {
    try {
      return stage.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException(step + " did not finish within " + timeout.toSeconds()
          + " s (is Cassandra overloaded? a first start also creates the schema)", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(step + " failed: " + e.getCause(), e.getCause());
    }
  }
}
