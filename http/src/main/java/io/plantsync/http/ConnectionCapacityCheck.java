package io.plantsync.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.actor.ActorSystem;

/**
 * Readiness check (pekko.management.health-checks.readiness-checks): not ready while every
 * connection of the adapter API is taken, so a load balancer stops sending new clients to a node
 * that could not accept them.
 */
public final class ConnectionCapacityCheck implements Supplier<CompletionStage<Boolean>> {
  private final ConnectionGuard guard;

  public ConnectionCapacityCheck(ActorSystem system) {
    this.guard = ConnectionGuard.get(system);
  }

  @Override
  public CompletionStage<Boolean> get() {
    return CompletableFuture.completedFuture(!guard.atCapacity());
  }
}
