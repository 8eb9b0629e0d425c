package io.plantsync.http.reads;

import io.plantsync.aggregates.common.KeyFormat;
import io.plantsync.aggregates.inventorylot.InventoryLot;
import io.plantsync.aggregates.inventorylot.InventoryLotCommand;
import io.plantsync.aggregates.inventorylot.InventoryLotState;
import io.plantsync.aggregates.inventorylot.LotKey;
import io.plantsync.aggregates.productionorder.OrderKey;
import io.plantsync.aggregates.productionorder.ProductionOrder;
import io.plantsync.aggregates.productionorder.ProductionOrderCommand;
import io.plantsync.aggregates.productionorder.ProductionOrderState;
import io.plantsync.aggregates.qualityhold.HoldKey;
import io.plantsync.aggregates.qualityhold.QualityHold;
import io.plantsync.aggregates.qualityhold.QualityHoldCommand;
import io.plantsync.aggregates.qualityhold.QualityHoldState;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;

/** How each object type is read: path, key (whose fields are the path's segments), the entity's Get, the view. */
public record ObjectReads<M, S>(
    String path,
    String label,
    KeyFormat<?> key,
    EntityTypeKey<M> entityType,
    Function<ActorRef<S>, M> get,
    Predicate<S> exists,
    Function<S, Object> view) {

  public static final ObjectReads<ProductionOrderCommand, ProductionOrderState> PRODUCTION_ORDER =
      new ObjectReads<>("production-orders", "production order", OrderKey.FORMAT,
          ProductionOrder.ENTITY_TYPE_KEY, ProductionOrderCommand.Get::new, ProductionOrderState::exists,
          ProductionOrderView::of);

  public static final ObjectReads<InventoryLotCommand, InventoryLotState> INVENTORY_LOT =
      new ObjectReads<>("inventory-lots", "inventory lot", LotKey.FORMAT,
          InventoryLot.ENTITY_TYPE_KEY, InventoryLotCommand.Get::new, InventoryLotState::exists,
          InventoryLotView::of);

  public static final ObjectReads<QualityHoldCommand, QualityHoldState> QUALITY_HOLD =
      new ObjectReads<>("quality-holds", "quality hold", HoldKey.FORMAT,
          QualityHold.ENTITY_TYPE_KEY, QualityHoldCommand.Get::new, QualityHoldState::exists,
          QualityHoldView::of);

  public static final List<ObjectReads<?, ?>> ALL = List.of(PRODUCTION_ORDER, INVENTORY_LOT, QUALITY_HOLD);

  /** The key fields, plant first: the path's segments after {@link #path}. */
  public List<String> keyFields() {
    return key.fields();
  }
}
