package io.plantsync.aggregates.productionorder;

import io.plantsync.aggregates.common.GovernedEvent;
import io.plantsync.aggregates.common.EventMeta;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What happened to a production order. Never rename or remove one of these once data exists: add
 * fields, or add a JacksonMigration.
 */
public sealed interface ProductionOrderEvent extends GovernedEvent {

  record OrderPlanned(EventMeta meta, OrderHeader header, int priority)
      implements ProductionOrderEvent {}

  record OrderPlanChanged(EventMeta meta, OrderHeader header, int priority)
      implements ProductionOrderEvent {}

  /** Released; {@code created} when the release itself created the order from ERP data. */
  record OrderReleased(
      EventMeta meta,
      boolean created,
      OrderHeader header,
      List<Operation> operations,
      List<Component> components)
      implements ProductionOrderEvent {
    public OrderReleased {
      operations = List.copyOf(operations);
      components = List.copyOf(components);
    }
  }

  /** A confirmation; {@code resultingStatus} is the status the order moved to because of it. */
  record OperationConfirmed(
      EventMeta meta,
      String confirmationId,
      String operation,
      String workCenter,
      BigDecimal yield,
      BigDecimal scrap,
      boolean finalConfirmation,
      OrderStatus resultingStatus)
      implements ProductionOrderEvent {
    @Override
    public String businessKey() {
      return BusinessKeys.confirmation(confirmationId);
    }
  }

  record OrderReprioritized(EventMeta meta, int priority, Instant scheduledStart, Instant scheduledEnd)
      implements ProductionOrderEvent {}

  /** Started, or ended when {@code endedAt} is set. */
  record InterruptionReported(
      EventMeta meta, String interruptionId, String workCenter, String reason, Instant startedAt, Instant endedAt)
      implements ProductionOrderEvent {
    @Override
    public String businessKey() {
      return BusinessKeys.interruption(interruptionId, endedAt);
    }
  }

  /** Goods received against the order; {@code deliveredQuantity} is the order's total after it. */
  record GoodsReceiptRecorded(
      EventMeta meta, String lot, String movementId, BigDecimal quantity, String uom,
      BigDecimal deliveredQuantity, OrderStatus resultingStatus)
      implements ProductionOrderEvent {
    @Override
    public String businessKey() {
      return BusinessKeys.goodsReceipt(lot, movementId);
    }
  }

  /**
   * A goods receipt against the order was reversed (movement 102 {@code movementId} undid
   * {@code reversedMovementId}); {@code deliveredQuantity} is the order's total after it, and
   * {@code resultingStatus} falls back from DELIVERED to CONFIRMED when it drops below the plan.
   */
  record GoodsReceiptReversed(
      EventMeta meta, String lot, String movementId, String reversedMovementId, BigDecimal quantity, String uom,
      BigDecimal deliveredQuantity, OrderStatus resultingStatus)
      implements ProductionOrderEvent {
    @Override
    public String businessKey() {
      return BusinessKeys.goodsReceiptReversal(lot, movementId);
    }
  }

  record OrderPlacedOnHold(EventMeta meta, String hold) implements ProductionOrderEvent {
    @Override
    public String businessKey() {
      return BusinessKeys.holdPlaced(hold);
    }
  }

  record OrderReleasedFromHold(EventMeta meta, String hold) implements ProductionOrderEvent {
    @Override
    public String businessKey() {
      return BusinessKeys.holdReleased(hold);
    }
  }

  record OrderTechnicallyCompleted(EventMeta meta) implements ProductionOrderEvent {}

  record OrderClosed(EventMeta meta) implements ProductionOrderEvent {}

  record OrderCancelled(EventMeta meta, String reason) implements ProductionOrderEvent {}
}
