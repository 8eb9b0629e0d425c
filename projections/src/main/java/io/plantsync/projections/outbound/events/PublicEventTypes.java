package io.plantsync.projections.outbound.events;

import java.util.List;

/**
 * The CloudEvents {@code type} of every public event, {@code io.plantsync.<object>.<event>.v1}. These
 * strings are the contract: they are written out here, never derived from internal class names, so
 * renaming an internal event cannot rename a public one. A breaking change to an event's data is a
 * new type ({@code .v2}) published beside the old one. Each type has its JSON Schema in
 * {@code src/contracts/events/<type>.json}.
 */
public final class PublicEventTypes {
  private PublicEventTypes() {}

  public static final String ORDER_PLANNED = "io.plantsync.production-order.planned.v1";
  public static final String ORDER_PLAN_CHANGED = "io.plantsync.production-order.plan-changed.v1";
  public static final String ORDER_RELEASED = "io.plantsync.production-order.released.v1";
  public static final String OPERATION_CONFIRMED = "io.plantsync.production-order.operation-confirmed.v1";
  public static final String ORDER_REPRIORITIZED = "io.plantsync.production-order.reprioritized.v1";
  public static final String INTERRUPTION_REPORTED = "io.plantsync.production-order.interruption-reported.v1";
  public static final String GOODS_RECEIPT_RECORDED = "io.plantsync.production-order.goods-receipt-recorded.v1";
  public static final String GOODS_RECEIPT_REVERSED = "io.plantsync.production-order.goods-receipt-reversed.v1";
  public static final String ORDER_PLACED_ON_HOLD = "io.plantsync.production-order.placed-on-hold.v1";
  public static final String ORDER_RELEASED_FROM_HOLD = "io.plantsync.production-order.released-from-hold.v1";
  public static final String ORDER_TECHNICALLY_COMPLETED =
      "io.plantsync.production-order.technically-completed.v1";
  public static final String ORDER_CLOSED = "io.plantsync.production-order.closed.v1";
  public static final String ORDER_CANCELLED = "io.plantsync.production-order.cancelled.v1";

  public static final String GOODS_RECEIVED = "io.plantsync.inventory-lot.goods-received.v1";
  public static final String GOODS_ISSUED = "io.plantsync.inventory-lot.goods-issued.v1";
  public static final String STOCK_TRANSFERRED = "io.plantsync.inventory-lot.stock-transferred.v1";
  public static final String STOCK_TYPE_CHANGED = "io.plantsync.inventory-lot.stock-type-changed.v1";
  public static final String STOCK_SCRAPPED = "io.plantsync.inventory-lot.stock-scrapped.v1";
  public static final String MOVEMENT_REVERSED = "io.plantsync.inventory-lot.movement-reversed.v1";
  public static final String STOCK_COUNTED = "io.plantsync.inventory-lot.stock-counted.v1";
  public static final String STOCK_RESERVED = "io.plantsync.inventory-lot.stock-reserved.v1";
  public static final String RESERVATION_RELEASED = "io.plantsync.inventory-lot.reservation-released.v1";
  public static final String LOT_PLACED_ON_HOLD = "io.plantsync.inventory-lot.placed-on-hold.v1";
  public static final String LOT_RELEASED_FROM_HOLD = "io.plantsync.inventory-lot.released-from-hold.v1";

  public static final String HOLD_PLACED = "io.plantsync.quality-hold.placed.v1";
  public static final String HOLD_EXTENDED = "io.plantsync.quality-hold.extended.v1";
  public static final String HOLD_RELEASED = "io.plantsync.quality-hold.released.v1";

  /** Every public type, by object and then in lifecycle order. */
  public static final List<String> ALL = List.of(
      ORDER_PLANNED, ORDER_PLAN_CHANGED, ORDER_RELEASED, OPERATION_CONFIRMED, ORDER_REPRIORITIZED,
      INTERRUPTION_REPORTED, GOODS_RECEIPT_RECORDED, GOODS_RECEIPT_REVERSED, ORDER_PLACED_ON_HOLD, ORDER_RELEASED_FROM_HOLD,
      ORDER_TECHNICALLY_COMPLETED, ORDER_CLOSED, ORDER_CANCELLED,
      GOODS_RECEIVED, GOODS_ISSUED, STOCK_TRANSFERRED, STOCK_TYPE_CHANGED, STOCK_SCRAPPED, MOVEMENT_REVERSED,
      STOCK_COUNTED, STOCK_RESERVED, RESERVATION_RELEASED, LOT_PLACED_ON_HOLD, LOT_RELEASED_FROM_HOLD,
      HOLD_PLACED, HOLD_EXTENDED, HOLD_RELEASED);
}
