package io.plantsync.projections.views;

import io.plantsync.aggregates.AggregateSettings;
import io.plantsync.aggregates.EntityKeys;
import io.plantsync.aggregates.ObjectFigures;
import io.plantsync.aggregates.common.Dispatched;
import io.plantsync.aggregates.common.GovernedEvent;
import io.plantsync.aggregates.common.ObjectKey;
import io.plantsync.aggregates.inventorylot.InventoryLot;
import io.plantsync.aggregates.inventorylot.InventoryLotCommand;
import io.plantsync.aggregates.inventorylot.InventoryLotEvent;
import io.plantsync.aggregates.inventorylot.InventoryLotState;
import io.plantsync.aggregates.inventorylot.LotFigures;
import io.plantsync.aggregates.inventorylot.LotKey;
import io.plantsync.aggregates.productionorder.OrderFigures;
import io.plantsync.aggregates.productionorder.OrderKey;
import io.plantsync.aggregates.productionorder.ProductionOrder;
import io.plantsync.aggregates.productionorder.ProductionOrderCommand;
import io.plantsync.aggregates.productionorder.ProductionOrderEvent;
import io.plantsync.aggregates.productionorder.ProductionOrderState;
import io.plantsync.aggregates.qualityhold.HoldFigures;
import io.plantsync.aggregates.qualityhold.HoldKey;
import io.plantsync.aggregates.qualityhold.QualityHold;
import io.plantsync.aggregates.qualityhold.QualityHoldCommand;
import io.plantsync.aggregates.qualityhold.QualityHoldEvent;
import io.plantsync.aggregates.qualityhold.QualityHoldState;
import io.plantsync.projections.ProjectionStore;
import io.plantsync.projections.TaggedProjection;
import io.plantsync.projections.monitoring.ProjectionMonitor;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.projection.eventsourced.EventEnvelope;

/** The query views: their projections and the queries over them (tables: {@link ViewTables}). */
public final class Views {
  public static final String PRODUCTION_ORDER_VIEW = "production-order-view";
  public static final String INVENTORY_LOT_VIEW = "inventory-lot-view";
  public static final String QUALITY_HOLD_VIEW = "quality-hold-view";

  /**
   * Starts one projection per view over its object type's tags. A read of an object's state (only
   * for events recorded before events carried figures) waits at most
   * {@code plantsync.projections.view-read-timeout}; past it the event is delivered again.
   */
  public static void start(ActorSystem<?> system, ProjectionMonitor monitor, AggregateSettings aggregates) {
    ViewStore store = new ViewStore(ProjectionStore.session(system), ProjectionStore.keyspace(system));
    Views views = new Views(system, monitor, aggregates.tagPartitions(),
        system.settings().config().getDuration("plantsync.projections.view-read-timeout"));
    views.<ProductionOrderCommand, ProductionOrderState, ProductionOrderRow, ProductionOrderEvent>start(
        PRODUCTION_ORDER_VIEW, ProductionOrder.ENTITY_TYPE_KEY, fromFigures(OrderKey.class, OrderFigures.class,
            ProductionOrderRow::of), ProductionOrderCommand.Get::new, ProductionOrderRow::of, store::upsert);
    views.<InventoryLotCommand, InventoryLotState, InventoryLotRow, InventoryLotEvent>start(
        INVENTORY_LOT_VIEW, InventoryLot.ENTITY_TYPE_KEY, fromFigures(LotKey.class, LotFigures.class,
            InventoryLotRow::of), InventoryLotCommand.Get::new, InventoryLotRow::of, store::upsert);
    views.<QualityHoldCommand, QualityHoldState, QualityHoldRow, QualityHoldEvent>start(
        QUALITY_HOLD_VIEW, QualityHold.ENTITY_TYPE_KEY, fromFigures(HoldKey.class, HoldFigures.class,
            QualityHoldRow::of), QualityHoldCommand.Get::new, QualityHoldRow::of, store::upsert);
  }

  private final ActorSystem<?> system;
  private final ProjectionMonitor monitor;
  private final int tags;
  private final Duration askTimeout;
  private final TaggedProjection.Lanes lanes;

  private Views(ActorSystem<?> system, ProjectionMonitor monitor, int tags, Duration askTimeout) {
    this.system = system;
    this.monitor = monitor;
    this.tags = tags;
    this.askTimeout = askTimeout;
    this.lanes = TaggedProjection.Lanes.newestEventPerObject(
        system.settings().config().getInt("plantsync.projections.views.objects-in-parallel"));
  }

  /**
   * The projection of one view: an object's newest event of a group writes its row from the event's
   * figures (the others are covered by it), up to {@code plantsync.projections.views.objects-in-parallel}
   * objects at a time.
   */
  private <M, S, R, E extends GovernedEvent> void start(String projectionName, EntityTypeKey<M> entityType,
      Function<EventEnvelope<E>, Optional<R>> rowOfEvent, Function<ActorRef<S>, M> get,
      Function<S, Optional<R>> rowOfState, Function<R, CompletionStage<Done>> upsert) {
    ClusterSharding sharding = ClusterSharding.get(system);
    TaggedProjection.<E>start(system, monitor, projectionName, entityType.name(), tags, lanes, () -> new ViewRefresh<>(
        rowOfEvent,
        entityId -> Dispatched.on(system, sharding.entityRefFor(entityType, entityId).ask(get::apply, askTimeout)),
        rowOfState, upsert));
  }

  /** A row of one object type from an event's figures: key from the persistence id, version its sequence number. */
  interface RowOfFigures<K extends ObjectKey, F extends ObjectFigures, R> {
    Optional<R> of(K key, F figures, long version, Instant lastChangedAt);
  }

  static <K extends ObjectKey, F extends ObjectFigures, R, E extends GovernedEvent>
      Function<EventEnvelope<E>, Optional<R>> fromFigures(Class<K> keyType, Class<F> figuresType,
          RowOfFigures<K, F, R> row) {
    return envelope -> row.of(keyType.cast(EntityKeys.ofPersistenceId(envelope.persistenceId())),
        figuresType.cast(envelope.event().meta().figures()), envelope.sequenceNr(),
        envelope.event().meta().recordedAt());
  }

  /** The queries http answers view requests with. */
  public static ViewQueries queries(ActorSystem<?> system) {
    return new CassandraViewQueries(ProjectionStore.session(system), ProjectionStore.keyspace(system));
  }

  public static ConsistencyCheck consistencyCheck(ActorSystem<?> system) {
    return new ConsistencyCheck(system, ProjectionStore.session(system), ProjectionStore.keyspace(system),
        system.settings().config().getDuration("plantsync.projections.view-read-timeout"));
  }


}
