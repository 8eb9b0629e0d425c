package io.plantsync.aggregates.qualityhold;

import io.plantsync.aggregates.AggregateSettings;
import io.plantsync.aggregates.common.EntityServices;
import io.plantsync.aggregates.common.GovernedEntity;
import io.plantsync.aggregates.qualityhold.QualityHoldCommand.*;
import java.time.Clock;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;

/**
 * A quality hold (a QMS notification) as a sharded, event-sourced entity (entity id
 * {@code plant/hold}). Every business command passes, in this order: system-of-record, duplicate,
 * lifecycle rules; only then is one event persisted and the command acknowledged. Holding and
 * lifting the lots and orders in scope is orchestration's job, driven by this entity's events.
 */
public final class QualityHold extends GovernedEntity<QualityHoldCommand, QualityHoldEvent, QualityHoldState> {

  /** Never rename: it is part of every persistence id and shard name. */
  public static final EntityTypeKey<QualityHoldCommand> ENTITY_TYPE_KEY =
      EntityTypeKey.create(QualityHoldCommand.class, "QualityHold");

  public static void init(ActorSystem<?> system, AggregateSettings settings) {
    ClusterSharding.get(system)
        .init(Entity.of(ENTITY_TYPE_KEY, ctx -> create(ctx.getEntityId(), settings, Clock.systemUTC())));
  }

  public static Behavior<QualityHoldCommand> create(String entityId, AggregateSettings settings, Clock clock) {
    return observed(ENTITY_TYPE_KEY, node -> new QualityHold(entityId, settings, clock, node));
  }

  private QualityHold(String entityId, AggregateSettings settings, Clock clock, EntityServices node) {
    super(ENTITY_TYPE_KEY, entityId, settings, clock, node);
  }

  @Override
  public QualityHoldState emptyState() {
    HoldKey key = HoldKey.parse(entityId);
    return QualityHoldState.empty(key.plant(), key.hold());
  }

  @Override
  public CommandHandlerWithReply<QualityHoldCommand, QualityHoldEvent, QualityHoldState> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(GovernedHoldCommand.class, (state, cmd) -> gate.handle(Effect(), state, cmd, state::decide))
        .onCommand(Get.class, (state, cmd) -> Effect().reply(cmd.replyTo(), state))
        .build();
  }
}
