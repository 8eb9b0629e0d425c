package io.plantsync.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;

/**
 * Asks entities only while their event store can be reached. During an outage an entity can
 * neither recover nor write: a command sent to it waits in its mailbox until the ask times out,
 * the adapter retries, and when the store is back every entity first works through the retries of
 * the whole outage before it answers a new command. Refused here at once, nothing piles up.
 */
public final class StoreAwareGateway implements EntityGateway {

  /** The answer while the event store cannot be reached; the command was not sent. */
  public static final class StoreUnreachable extends RuntimeException {
    StoreUnreachable() {
      super("the event store cannot be reached; retry with the same messageId", null, false, false);
    }
  }

  private final EntityGateway entities;
  private final BooleanSupplier storeUnreachable;

  public StoreAwareGateway(EntityGateway entities, BooleanSupplier storeUnreachable) {
    this.entities = entities;
    this.storeUnreachable = storeUnreachable;
  }

  @Override
  public <M, R> CompletionStage<R> ask(
      EntityTypeKey<M> entityType, String entityId, Function<ActorRef<R>, M> message) {
    if (storeUnreachable.getAsBoolean()) return CompletableFuture.failedFuture(new StoreUnreachable());
    return entities.ask(entityType, entityId, message);
  }
}
