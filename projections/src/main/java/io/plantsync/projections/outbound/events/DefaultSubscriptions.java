package io.plantsync.projections.outbound.events;

import static io.plantsync.projections.outbound.events.PublicEventTypes.*;

import io.plantsync.aggregates.governance.AdapterKind;
import java.util.Set;

/**
 * The event types a subscriber gets when its configuration names none (src/docs/outbound.md).
 * ERP posts what happened on the shop floor and in the warehouse; MES executes what ERP and planning
 * decided; analytics sees everything. The other kinds have no default: a subscriber of those kinds
 * lists its types.
 */
public final class DefaultSubscriptions {
  private DefaultSubscriptions() {}

  /**
   * Confirmations, interruptions, goods movements (every material document of a lot, the receipt
   * and its reversal as the order records them, and the transfers to BLOCKED a rejecting usage decision posts), counts
   * and hold decisions (the quality hold placed, extended, released with its usage decision).
   */
  static final Set<String> ERP = Set.of(
      OPERATION_CONFIRMED, INTERRUPTION_REPORTED,
      GOODS_RECEIVED, GOODS_ISSUED, STOCK_TRANSFERRED, STOCK_TYPE_CHANGED, STOCK_SCRAPPED, MOVEMENT_REVERSED,
      GOODS_RECEIPT_RECORDED, GOODS_RECEIPT_REVERSED, LOT_RELEASED_FROM_HOLD,
      STOCK_COUNTED,
      HOLD_PLACED, HOLD_EXTENDED, HOLD_RELEASED);

  /** Releases, reprioritisations, cancellations, and holds on and off its orders and lots. */
  static final Set<String> MES = Set.of(
      ORDER_RELEASED, ORDER_REPRIORITIZED, ORDER_CANCELLED,
      ORDER_PLACED_ON_HOLD, ORDER_RELEASED_FROM_HOLD, LOT_PLACED_ON_HOLD, LOT_RELEASED_FROM_HOLD);

  static final Set<String> ANALYTICS = Set.copyOf(ALL);

  public static Set<String> typesFor(AdapterKind kind) {
    return switch (kind) {
      case ERP -> ERP;
      case MES -> MES;
      case ANALYTICS -> ANALYTICS;
      case WMS, PLANNING, QMS, SUPPLIER, OPERATOR -> Set.of();
    };
  }
}
