package io.plantsync.http;

import io.plantsync.aggregates.common.Dispatched;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;

/** Reaches entities wherever they live in the cluster. */
public final class ShardedEntityGateway implements EntityGateway {
  private final ActorSystem<?> system;
  private final ClusterSharding sharding;
  private final Duration timeout;

  public ShardedEntityGateway(ActorSystem<?> system, Duration timeout) {
    this.system = system;
    this.sharding = ClusterSharding.get(system);
    this.timeout = timeout;
  }

  @Override
  public <M, R> CompletionStage<R> ask(
      EntityTypeKey<M> entityType, String entityId, Function<ActorRef<R>, M> message) {
    return ask(entityType, entityId, message, timeout);
  }

  @Override
  public <M, R> CompletionStage<R> ask(
      EntityTypeKey<M> entityType, String entityId, Function<ActorRef<R>, M> message, Duration timeout) {
    return Dispatched.on(system, sharding.entityRefFor(entityType, entityId).ask(message::apply, timeout));
  }
}
