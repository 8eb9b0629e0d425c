package io.plantsync.projections.outbound.events;

import static io.plantsync.projections.outbound.events.PublicEventTypes.*;

import io.plantsync.aggregates.inventorylot.InventoryLotEvent;
import io.plantsync.aggregates.inventorylot.InventoryLotEvent.GoodsIssued;
import io.plantsync.aggregates.inventorylot.InventoryLotEvent.GoodsReceived;
import io.plantsync.aggregates.inventorylot.InventoryLotEvent.LotPlacedOnHold;
import io.plantsync.aggregates.inventorylot.InventoryLotEvent.LotReleasedFromHold;
import io.plantsync.aggregates.inventorylot.InventoryLotEvent.MaterialDocument;
import io.plantsync.aggregates.inventorylot.InventoryLotEvent.MovementReversed;
import io.plantsync.aggregates.inventorylot.InventoryLotEvent.ReservationReleased;
import io.plantsync.aggregates.inventorylot.InventoryLotEvent.StockCounted;
import io.plantsync.aggregates.inventorylot.InventoryLotEvent.StockReserved;
import io.plantsync.aggregates.inventorylot.InventoryLotEvent.StockScrapped;
import io.plantsync.aggregates.inventorylot.InventoryLotEvent.StockTransferred;
import io.plantsync.aggregates.inventorylot.InventoryLotEvent.StockTypeChanged;
import io.plantsync.aggregates.inventorylot.MovementType;
import io.plantsync.aggregates.inventorylot.ReservationChange;
import io.plantsync.aggregates.inventorylot.StockMove;
import io.plantsync.aggregates.inventorylot.TransferToBlocked;
import java.math.BigDecimal;

/**
 * The public type and data fields of each inventory lot event (keys and cause are added by the
 * mapper). Goods movements carry the three-digit SAP movement type, so an ERP can post the same
 * material document.
 */
final class InventoryLotEvents {
  private InventoryLotEvents() {}

  static EventBody map(InventoryLotEvent event) {
    if (event instanceof GoodsReceived e) {
      return new EventBody(GOODS_RECEIVED, movement(e, e.quantity(), e.uom())
          .text("storageLocation", e.storageLocation())
          .name("stockType", e.stockType())
          .text("order", e.order()));
    }
    if (event instanceof GoodsIssued e) {
      return new EventBody(GOODS_ISSUED, movement(e, e.quantity(), e.uom())
          .text("storageLocation", e.storageLocation())
          .text("order", e.order())
          .with(reservationChange(e.reservation())));
    }
    if (event instanceof StockTransferred e) {
      return new EventBody(STOCK_TRANSFERRED, movement(e, e.quantity(), e.uom())
          .text("fromStorageLocation", e.fromStorageLocation())
          .text("toStorageLocation", e.toStorageLocation()));
    }
    if (event instanceof StockTypeChanged e) {
      return new EventBody(STOCK_TYPE_CHANGED, movement(e, e.quantity(), e.uom())
          .text("storageLocation", e.storageLocation())
          .name("from", e.from())
          .name("to", e.to()));
    }
    if (event instanceof StockScrapped e) {
      return new EventBody(STOCK_SCRAPPED, movement(e, e.quantity(), e.uom())
          .text("storageLocation", e.storageLocation())
          .name("stockType", e.stockType()));
    }
    if (event instanceof MovementReversed e) {
      return new EventBody(MOVEMENT_REVERSED, document(e)
          .text("reversedMovementId", e.reversedMovementId())
          .text("reversedMovementType", code(e.reversedMovementType()))
          .text("uom", e.uom())
          .text("order", e.order())
          .objects("stockChanges", e.moves(), InventoryLotEvents::stockChange)
          .with(reservationChange(e.reservation())));
    }
    if (event instanceof StockCounted e) {
      return new EventBody(STOCK_COUNTED, PublicData.fields()
          .text("countId", e.countId())
          .text("movementType", code(e.movementType()))
          .text("uom", e.uom())
          .text("storageLocation", e.storageLocation())
          .name("stockType", e.stockType())
          .number("bookQuantity", e.bookQuantity())
          .number("countedQuantity", e.countedQuantity())
          .number("difference", e.difference()));
    }
    if (event instanceof StockReserved e) {
      return new EventBody(STOCK_RESERVED, reservation(e.reservationId(), e.quantity(), e.uom(), e.order()));
    }
    if (event instanceof ReservationReleased e) {
      return new EventBody(RESERVATION_RELEASED,
          reservation(e.reservationId(), e.quantity(), e.uom(), e.order()));
    }
    if (event instanceof LotPlacedOnHold e) {
      return new EventBody(LOT_PLACED_ON_HOLD, PublicData.fields().text("hold", e.hold()));
    }
    if (event instanceof LotReleasedFromHold e) {
      return new EventBody(LOT_RELEASED_FROM_HOLD, PublicData.fields()
          .text("hold", e.hold())
          .name("decision", e.decision())
          .text("uom", e.uom())
          .objects("postings", e.postings(), InventoryLotEvents::transferToBlocked));
    }
    throw new IllegalArgumentException("no public contract for " + event.getClass().getName());
  }

  /** The material document: its number and SAP movement type. */
  private static PublicData document(MaterialDocument document) {
    return PublicData.fields()
        .text("movementId", document.movementId())
        .text("movementType", code(document.movementType()));
  }

  /** A material document that moves {@code quantity} of the lot. */
  private static PublicData movement(MaterialDocument document, BigDecimal quantity, String uom) {
    return document(document).number("quantity", quantity).text("uom", uom);
  }

  private static PublicData reservation(String reservationId, BigDecimal quantity, String uom, String order) {
    return PublicData.fields()
        .text("reservationId", reservationId)
        .number("quantity", quantity)
        .text("uom", uom)
        .text("order", order);
  }

  /**
   * What the movement did to a reservation, as {@code reservation} (null when nothing): the signed
   * change of its open quantity (negative: withdrawn by an issue, positive: given back by a
   * reversal) and the open quantity after it (0: closed).
   */
  private static PublicData reservationChange(ReservationChange change) {
    if (change == null) return PublicData.fields().absent("reservation");
    return PublicData.fields().object("reservation", PublicData.fields()
        .text("reservationId", change.reservationId())
        .text("order", change.order())
        .number("change", change.change())
        .number("openQuantity", change.openQuantity())
        .flag("closed", change.closes()));
  }

  /** A signed change of one bucket: negative leaves it, positive enters it. */
  private static PublicData stockChange(StockMove move) {
    return PublicData.fields()
        .text("storageLocation", move.storageLocation())
        .name("stockType", move.stockType())
        .number("quantity", move.delta());
  }

  private static PublicData transferToBlocked(TransferToBlocked posting) {
    return PublicData.fields()
        .text("movementType", code(posting.movementType()))
        .text("storageLocation", posting.storageLocation())
        .name("from", posting.from())
        .number("quantity", posting.quantity());
  }

  private static String code(MovementType type) {
    return type == null ? null : type.code();
  }
}
