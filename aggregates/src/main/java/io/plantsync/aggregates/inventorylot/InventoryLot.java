package io.plantsync.aggregates.inventorylot;

import io.plantsync.aggregates.AggregateSettings;
import io.plantsync.aggregates.common.CommandGate;
import io.plantsync.aggregates.common.Tagging;
import io.plantsync.aggregates.inventorylot.InventoryLotCommand.Get;
import io.plantsync.aggregates.inventorylot.InventoryLotCommand.GovernedLotCommand;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;

/**
 * An inventory lot (entity id {@code plant/material/batch}) as a sharded, event-sourced entity: its
 * stock per storage location and stock type, reservations and quality holds. Every command that
 * changes it passes the {@link CommandGate} (system of record, duplicate, then the lot's rules in
 * {@link InventoryLotState#decide}) and persists exactly one event before it is acknowledged.
 */
public final class InventoryLot
    extends EventSourcedBehaviorWithEnforcedReplies<InventoryLotCommand, InventoryLotEvent, InventoryLotState> {

  /** Never rename: it is part of every persistence id and shard name. */
  public static final EntityTypeKey<InventoryLotCommand> ENTITY_TYPE_KEY =
      EntityTypeKey.create(InventoryLotCommand.class, "InventoryLot");

  private final String entityId;
  private final AggregateSettings settings;
  private final CommandGate<InventoryLotEvent, InventoryLotState> gate;

  public static void init(ActorSystem<?> system, AggregateSettings settings) {
    ClusterSharding.get(system)
        .init(Entity.of(ENTITY_TYPE_KEY, ctx -> create(ctx.getEntityId(), settings, Clock.systemUTC())));
  }

  public static Behavior<InventoryLotCommand> create(String entityId, AggregateSettings settings, Clock clock) {
    return new InventoryLot(entityId, settings, clock);
  }

  /** Keys never contain '/' (canonical model: A-Z a-z 0-9 - _ .), so the id splits back unambiguously. */
  public static String entityId(String plant, String material, String batch) {
    return plant + "/" + material + "/" + batch;
  }

  private InventoryLot(String entityId, AggregateSettings settings, Clock clock) {
    super(
        PersistenceId.of(ENTITY_TYPE_KEY.name(), entityId),
        SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.1));
    this.entityId = entityId;
    this.settings = settings;
    this.gate = new CommandGate<>(entityId, settings.systemOfRecord(), clock);
  }

  @Override
  public InventoryLotState emptyState() {
    int first = entityId.indexOf('/');
    int last = entityId.lastIndexOf('/');
    return InventoryLotState.empty(
        entityId.substring(0, first), entityId.substring(first + 1, last), entityId.substring(last + 1));
  }

  @Override
  public CommandHandlerWithReply<InventoryLotCommand, InventoryLotEvent, InventoryLotState> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(GovernedLotCommand.class, (state, cmd) -> gate.handle(Effect(), state, cmd, state::decide))
        .onCommand(Get.class, (state, cmd) -> Effect().reply(cmd.replyTo(), state))
        .build();
  }

  @Override
  public EventHandler<InventoryLotState, InventoryLotEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState()
        .onAnyEvent((state, event) -> state.apply(event, settings.messageIdWindow()));
  }

  @Override
  public Set<String> tagsFor(InventoryLotEvent event) {
    return Tagging.tagsOf(ENTITY_TYPE_KEY.name(), entityId, settings.tagPartitions());
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(settings.snapshotEvery(), 2);
  }
}
