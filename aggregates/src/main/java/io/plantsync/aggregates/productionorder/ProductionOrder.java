package io.plantsync.aggregates.productionorder;

import io.plantsync.aggregates.AggregateSettings;
import io.plantsync.aggregates.common.CommandGate;
import io.plantsync.aggregates.common.Tagging;
import io.plantsync.aggregates.productionorder.ProductionOrderCommand.*;
import java.time.Clock;
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
 * A production order as a sharded, event-sourced entity (entity id {@code plant/order}). Every
 * business command passes, in this order: system-of-record, duplicate, lifecycle rules; only then
 * is one event persisted and the command acknowledged.
 */
public final class ProductionOrder
    extends EventSourcedBehaviorWithEnforcedReplies<ProductionOrderCommand, ProductionOrderEvent, ProductionOrderState> {

  /** Never rename: it is part of every persistence id and shard name. */
  public static final EntityTypeKey<ProductionOrderCommand> ENTITY_TYPE_KEY =
      EntityTypeKey.create(ProductionOrderCommand.class, "ProductionOrder");

  private final String entityId;
  private final AggregateSettings settings;
  private final CommandGate<ProductionOrderEvent, ProductionOrderState> gate;

  public static void init(ActorSystem<?> system, AggregateSettings settings) {
    ClusterSharding.get(system)
        .init(Entity.of(ENTITY_TYPE_KEY, ctx -> create(ctx.getEntityId(), settings, Clock.systemUTC())));
  }

  public static Behavior<ProductionOrderCommand> create(String entityId, AggregateSettings settings, Clock clock) {
    return new ProductionOrder(entityId, settings, clock);
  }

  public static String entityId(String plant, String order) {
    return plant + "/" + order;
  }

  private ProductionOrder(String entityId, AggregateSettings settings, Clock clock) {
    super(
        PersistenceId.of(ENTITY_TYPE_KEY.name(), entityId),
        SupervisorStrategy.restartWithBackoff(
            java.time.Duration.ofMillis(200), java.time.Duration.ofSeconds(5), 0.1));
    this.entityId = entityId;
    this.settings = settings;
    this.gate = new CommandGate<>(entityId, settings.systemOfRecord(), clock);
  }

  @Override
  public ProductionOrderState emptyState() {
    int slash = entityId.indexOf('/');
    return ProductionOrderState.empty(entityId.substring(0, slash), entityId.substring(slash + 1));
  }

  @Override
  public CommandHandlerWithReply<ProductionOrderCommand, ProductionOrderEvent, ProductionOrderState> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(BusinessCommand.class, (state, cmd) -> gate.handle(Effect(), state, cmd, state::decide))
        .onCommand(Get.class, (state, cmd) -> Effect().reply(cmd.replyTo(), state))
        .build();
  }

  @Override
  public EventHandler<ProductionOrderState, ProductionOrderEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState()
        .onAnyEvent((state, event) -> state.apply(event, settings.messageIdWindow()));
  }

  @Override
  public Set<String> tagsFor(ProductionOrderEvent event) {
    return Tagging.tagsOf(ENTITY_TYPE_KEY.name(), entityId, settings.tagPartitions());
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(settings.snapshotEvery(), 2);
  }
}
