package io.plantsync.aggregates.inventorylot;

import io.plantsync.aggregates.AggregateSettings;
import io.plantsync.aggregates.common.CommandGate;
import io.plantsync.aggregates.common.EntityServices;
import io.plantsync.aggregates.common.GovernedEntity;
import io.plantsync.aggregates.inventorylot.InventoryLotCommand.Get;
import io.plantsync.aggregates.inventorylot.InventoryLotCommand.GovernedLotCommand;
import java.time.Clock;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;

/**
 * An inventory lot (entity id {@code plant/material/batch}) as a sharded, event-sourced entity: its
 * stock per storage location and stock type, reservations and quality holds. Every command that
 * changes it passes the {@link CommandGate} (system of record, duplicate, then the lot's rules in
 * {@link InventoryLotState#decide}) and persists exactly one event before it is acknowledged.
 */
public final class InventoryLot extends GovernedEntity<InventoryLotCommand, InventoryLotEvent, InventoryLotState> {

  /** Never rename: it is part of every persistence id and shard name. */
  public static final EntityTypeKey<InventoryLotCommand> ENTITY_TYPE_KEY =
      EntityTypeKey.create(InventoryLotCommand.class, "InventoryLot");

  public static void init(ActorSystem<?> system, AggregateSettings settings) {
    ClusterSharding.get(system)
        .init(Entity.of(ENTITY_TYPE_KEY, ctx -> create(ctx.getEntityId(), settings, Clock.systemUTC())));
  }

  public static Behavior<InventoryLotCommand> create(String entityId, AggregateSettings settings, Clock clock) {
    return observed(ENTITY_TYPE_KEY, node -> new InventoryLot(entityId, settings, clock, node));
  }

  private InventoryLot(String entityId, AggregateSettings settings, Clock clock, EntityServices node) {
    super(ENTITY_TYPE_KEY, entityId, settings, clock, node);
  }

  @Override
  public InventoryLotState emptyState() {
    LotKey key = LotKey.parse(entityId);
    return InventoryLotState.empty(key.plant(), key.material(), key.batch());
  }

  @Override
  public CommandHandlerWithReply<InventoryLotCommand, InventoryLotEvent, InventoryLotState> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(GovernedLotCommand.class, (state, cmd) -> gate.handle(Effect(), state, cmd, state::decide))
        .onCommand(Get.class, (state, cmd) -> Effect().reply(cmd.replyTo(), state))
        .build();
  }
}
