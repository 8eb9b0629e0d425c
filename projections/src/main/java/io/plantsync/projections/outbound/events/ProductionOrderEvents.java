package io.plantsync.projections.outbound.events;

import static io.plantsync.projections.outbound.events.PublicEventTypes.*;

import io.plantsync.aggregates.productionorder.Component;
import io.plantsync.aggregates.productionorder.Operation;
import io.plantsync.aggregates.productionorder.OrderHeader;
import io.plantsync.aggregates.productionorder.OrderStatus;
import io.plantsync.aggregates.productionorder.ProductionOrderEvent;
import io.plantsync.aggregates.productionorder.ProductionOrderEvent.GoodsReceiptRecorded;
import io.plantsync.aggregates.productionorder.ProductionOrderEvent.GoodsReceiptReversed;
import io.plantsync.aggregates.productionorder.ProductionOrderEvent.InterruptionReported;
import io.plantsync.aggregates.productionorder.ProductionOrderEvent.OperationConfirmed;
import io.plantsync.aggregates.productionorder.ProductionOrderEvent.OrderCancelled;
import io.plantsync.aggregates.productionorder.ProductionOrderEvent.OrderClosed;
import io.plantsync.aggregates.productionorder.ProductionOrderEvent.OrderPlacedOnHold;
import io.plantsync.aggregates.productionorder.ProductionOrderEvent.OrderPlanChanged;
import io.plantsync.aggregates.productionorder.ProductionOrderEvent.OrderPlanned;
import io.plantsync.aggregates.productionorder.ProductionOrderEvent.OrderReleased;
import io.plantsync.aggregates.productionorder.ProductionOrderEvent.OrderReleasedFromHold;
import io.plantsync.aggregates.productionorder.ProductionOrderEvent.OrderReprioritized;
import io.plantsync.aggregates.productionorder.ProductionOrderEvent.OrderTechnicallyCompleted;
import java.math.BigDecimal;

/** The public type and data fields of each production order event (keys and cause are added by the mapper). */
final class ProductionOrderEvents {
  private ProductionOrderEvents() {}

  static EventBody map(ProductionOrderEvent event) {
    if (event instanceof OrderPlanned e) {
      return new EventBody(ORDER_PLANNED, header(e.header()).integer("priority", e.priority())
          .with(status(OrderStatus.PLANNED)));
    }
    if (event instanceof OrderPlanChanged e) {
      return new EventBody(ORDER_PLAN_CHANGED, header(e.header()).integer("priority", e.priority()));
    }
    if (event instanceof OrderReleased e) {
      return new EventBody(ORDER_RELEASED, header(e.header())
          .flag("created", e.created())
          .objects("operations", e.operations(), ProductionOrderEvents::operation)
          .objects("components", e.components(), ProductionOrderEvents::component)
          .with(status(OrderStatus.RELEASED)));
    }
    if (event instanceof OperationConfirmed e) {
      return new EventBody(OPERATION_CONFIRMED, PublicData.fields()
          .text("confirmationId", e.confirmationId())
          .text("operation", e.operation())
          .text("workCenter", e.workCenter())
          .number("yield", e.yield())
          .number("scrap", e.scrap())
          .flag("final", e.finalConfirmation())
          .with(status(e.resultingStatus())));
    }
    if (event instanceof OrderReprioritized e) {
      return new EventBody(ORDER_REPRIORITIZED, PublicData.fields()
          .integer("priority", e.priority())
          .time("scheduledStart", e.scheduledStart())
          .time("scheduledEnd", e.scheduledEnd()));
    }
    if (event instanceof InterruptionReported e) {
      return new EventBody(INTERRUPTION_REPORTED, PublicData.fields()
          .text("interruptionId", e.interruptionId())
          .text("workCenter", e.workCenter())
          .text("reason", e.reason())
          .time("startedAt", e.startedAt())
          .time("endedAt", e.endedAt()));
    }
    if (event instanceof GoodsReceiptRecorded e) {
      return new EventBody(GOODS_RECEIPT_RECORDED, PublicData.fields()
          .object("lot", lot(e.lot()))
          .text("movementId", e.movementId())
          .with(delivery(e.quantity(), e.uom(), e.deliveredQuantity(), e.resultingStatus())));
    }
    if (event instanceof GoodsReceiptReversed e) {
      return new EventBody(GOODS_RECEIPT_REVERSED, PublicData.fields()
          .object("lot", lot(e.lot()))
          .text("movementId", e.movementId())
          .text("reversedMovementId", e.reversedMovementId())
          .with(delivery(e.quantity(), e.uom(), e.deliveredQuantity(), e.resultingStatus())));
    }
    if (event instanceof OrderPlacedOnHold e) {
      return new EventBody(ORDER_PLACED_ON_HOLD, PublicData.fields().text("hold", e.hold()));
    }
    if (event instanceof OrderReleasedFromHold e) {
      return new EventBody(ORDER_RELEASED_FROM_HOLD, PublicData.fields().text("hold", e.hold()));
    }
    if (event instanceof OrderTechnicallyCompleted) {
      return new EventBody(ORDER_TECHNICALLY_COMPLETED, status(OrderStatus.TECHNICALLY_COMPLETE));
    }
    if (event instanceof OrderClosed) {
      return new EventBody(ORDER_CLOSED, status(OrderStatus.CLOSED));
    }
    if (event instanceof OrderCancelled e) {
      return new EventBody(ORDER_CANCELLED, PublicData.fields()
          .text("reason", e.reason())
          .with(status(OrderStatus.CANCELLED)));
    }
    throw new IllegalArgumentException("no public contract for " + event.getClass().getName());
  }

  private static PublicData header(OrderHeader header) {
    return PublicData.fields()
        .text("material", header.material())
        .number("quantity", header.quantity())
        .text("uom", header.uom())
        .time("scheduledStart", header.scheduledStart())
        .time("scheduledEnd", header.scheduledEnd());
  }

  private static PublicData operation(Operation operation) {
    return PublicData.fields().text("operation", operation.operation()).text("workCenter", operation.workCenter());
  }

  private static PublicData component(Component component) {
    return PublicData.fields()
        .text("material", component.material())
        .number("quantity", component.quantity())
        .text("uom", component.uom());
  }

  /** A receipt's or reversal's quantity, and the order's delivered quantity and status after it. */
  private static PublicData delivery(BigDecimal quantity, String uom, BigDecimal delivered, OrderStatus status) {
    return PublicData.fields()
        .number("quantity", quantity)
        .text("uom", uom)
        .number("deliveredQuantity", delivered)
        .with(status(status));
  }

  /** The status the order is in after the event, with its SAP system status (as in the order read). */
  private static PublicData status(OrderStatus status) {
    return PublicData.fields().name("status", status).text("sapStatus", status.sapStatus());
  }

  /** The receiving lot by its keys after the plant (the order's own); the order event names it by entity id. */
  private static PublicData lot(String lotEntityId) {
    return PublicObject.INVENTORY_LOT.keysAfterPlant(lotEntityId);
  }
}
