package io.plantsync.aggregates.productionorder;

import io.plantsync.aggregates.AggregateSettings;
import io.plantsync.aggregates.common.EntityServices;
import io.plantsync.aggregates.common.GovernedEntity;
import io.plantsync.aggregates.productionorder.ProductionOrderCommand.*;
import java.time.Clock;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;

/**
 * A production order as a sharded, event-sourced entity (entity id {@code plant/order}). Every
 * business command passes, in this order: system-of-record, duplicate, lifecycle rules; only then
 * is one event persisted and the command acknowledged.
 */
public final class ProductionOrder
    extends GovernedEntity<ProductionOrderCommand, ProductionOrderEvent, ProductionOrderState> {

  /** Never rename: it is part of every persistence id and shard name. */
  public static final EntityTypeKey<ProductionOrderCommand> ENTITY_TYPE_KEY =
      EntityTypeKey.create(ProductionOrderCommand.class, "ProductionOrder");

  public static void init(ActorSystem<?> system, AggregateSettings settings) {
    ClusterSharding.get(system)
        .init(Entity.of(ENTITY_TYPE_KEY, ctx -> create(ctx.getEntityId(), settings, Clock.systemUTC())));
  }

  public static Behavior<ProductionOrderCommand> create(String entityId, AggregateSettings settings, Clock clock) {
    return observed(ENTITY_TYPE_KEY, node -> new ProductionOrder(entityId, settings, clock, node));
  }

  private ProductionOrder(String entityId, AggregateSettings settings, Clock clock, EntityServices node) {
    super(ENTITY_TYPE_KEY, entityId, settings, clock, node);
  }

  @Override
  public ProductionOrderState emptyState() {
    OrderKey key = OrderKey.parse(entityId);
    return ProductionOrderState.empty(key.plant(), key.order());
  }

  @Override
  public CommandHandlerWithReply<ProductionOrderCommand, ProductionOrderEvent, ProductionOrderState> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(GovernedOrderCommand.class, (state, cmd) -> gate.handle(Effect(), state, cmd, state::decide))
        .onCommand(Get.class, (state, cmd) -> Effect().reply(cmd.replyTo(), state))
        .build();
  }
}
