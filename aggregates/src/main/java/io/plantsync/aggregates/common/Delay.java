package io.plantsync.aggregates.common;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * A wait that completes on a dispatcher. Not the JDK's {@code CompletableFuture.delayedExecutor}:
 * its tasks run on the JDK's default async executor, a new thread each on two CPUs ({@link Dispatched}).
 */
@FunctionalInterface
public interface Delay {

  /** Completes once {@code delay} has passed. */
  CompletableFuture<Void> after(Duration delay);

  /** Pekko's scheduler, completing on the actor system's default dispatcher. */
  static Delay on(ActorSystem<?> system) {
    return delay -> {
      CompletableFuture<Void> passed = new CompletableFuture<>();
      system.scheduler().scheduleOnce(delay, () -> passed.complete(null), system.executionContext());
      return passed;
    };
  }
}
