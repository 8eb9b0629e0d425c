package io.plantsync.aggregates.productionorder;

import static io.plantsync.aggregates.common.Decision.persist;
import static io.plantsync.aggregates.common.Decision.reject;
import static io.plantsync.aggregates.common.ErrorCode.*;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.plantsync.aggregates.CborSerializable;
import io.plantsync.aggregates.common.Bookkeeping;
import io.plantsync.aggregates.common.CommandGate;
import io.plantsync.aggregates.common.Decision;
import io.plantsync.aggregates.common.EventMeta;
import io.plantsync.aggregates.common.GovernedState;
import io.plantsync.aggregates.productionorder.ProductionOrderCommand.*;
import io.plantsync.aggregates.productionorder.ProductionOrderEvent.*;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The authoritative state of one production order. {@code status} is null until the order is
 * created by plan or release (a quality hold may name an order before that: it then exists only as
 * held). The {@code decide*} methods validate; {@link #changedBy} never does.
 */
public record ProductionOrderState(
    String plant,
    String order,
    OrderStatus status,
    OrderHeader header,
    int priority,
    List<OperationProgress> operations,
    List<Component> components,
    BigDecimal deliveredQuantity,
    List<Interruption> interruptions,
    List<String> holds,
    String cancellationReason,
    Long lastSourceVersion,
    @JsonUnwrapped Bookkeeping bookkeeping)
    implements CborSerializable, GovernedState<ProductionOrderState, ProductionOrderEvent> {

  public ProductionOrderState {
    // Fields added after data existed read as null from older snapshots: default them here.
    operations = operations == null ? List.of() : List.copyOf(operations);
    components = components == null ? List.of() : List.copyOf(components);
    deliveredQuantity = deliveredQuantity == null ? BigDecimal.ZERO : deliveredQuantity;
    interruptions = interruptions == null ? List.of() : List.copyOf(interruptions);
    holds = holds == null ? List.of() : List.copyOf(holds);
  }

  public static ProductionOrderState empty(String plant, String order) {
    return new ProductionOrderState(plant, order, null, null, 0, List.of(), List.of(), BigDecimal.ZERO,
        List.of(), List.of(), null, null, Bookkeeping.NONE);
  }

  public boolean exists() {
    return status != null;
  }

  public boolean held() {
    return !holds.isEmpty();
  }

  /** True while a reported interruption is open (ISA-95 "Paused"). */
  public boolean interrupted() {
    return interruptions.stream().anyMatch(Interruption::open);
  }

  public DeliveryStatus deliveryStatus() {
    return DeliveryStatus.of(deliveredQuantity, header == null ? null : header.quantity());
  }

  /** Good quantity the order has produced: the yield confirmed on its last operation. */
  public BigDecimal confirmedYield() {
    return operations.isEmpty() ? BigDecimal.ZERO : operations.get(operations.size() - 1).confirmedYield();
  }

  public BigDecimal confirmedScrap() {
    return operations.stream().map(OperationProgress::confirmedScrap).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  public boolean hasConfirmations() {
    return operations.stream()
        .anyMatch(op -> op.finallyConfirmed() || op.confirmedYield().signum() > 0 || op.confirmedScrap().signum() > 0);
  }

  @Override
  public OrderFigures figures() {
    return OrderFigures.of(this);
  }

  // ---- decisions ----

  /** What this order decides about {@code cmd}; {@link CommandGate} has checked owner and duplicates. */
  public Decision<ProductionOrderEvent> decide(GovernedOrderCommand cmd, EventMeta meta) {
    if (cmd instanceof Plan c) return decidePlan(c, meta);
    if (cmd instanceof Release c) return decideRelease(c, meta);
    if (cmd instanceof Reprioritize c) return decideReprioritize(c, meta);
    if (cmd instanceof ConfirmOperation c) return decideConfirmOperation(c, meta);
    if (cmd instanceof ReportInterruption c) return decideReportInterruption(c, meta);
    if (cmd instanceof Complete c) return decideComplete(c, meta);
    if (cmd instanceof Close c) return decideClose(c, meta);
    if (cmd instanceof Cancel c) return decideCancel(c, meta);
    if (cmd instanceof RecordGoodsReceipt c) return decideGoodsReceipt(c, meta);
    if (cmd instanceof RecordGoodsReceiptReversal c) return decideGoodsReceiptReversal(c, meta);
    if (cmd instanceof PlaceOnHold c) return decidePlaceOnHold(c, meta);
    if (cmd instanceof ReleaseFromHold c) return decideReleaseFromHold(c, meta);
    throw new IllegalArgumentException("unhandled command " + cmd.getClass().getName());
  }

  Decision<ProductionOrderEvent> decidePlan(Plan cmd, EventMeta meta) {
    Optional<String> invalid = OrderDataRules.header(cmd.header());
    if (invalid.isPresent()) return reject(INVALID_REQUEST, invalid.get());
    if (!exists()) return persist(new OrderPlanned(meta, cmd.header(), cmd.priority()));
    if (isStale(cmd.origin().sourceVersion())) return Decision.stale();
    if (!OrderLifecycle.allows(status, cmd.type())) return transitionRefused(cmd.type());
    if (cmd.header().quantity().compareTo(confirmedYield()) < 0) {
      return reject(QUANTITY_BELOW_CONFIRMED,
          "quantity " + cmd.header().quantity().toPlainString() + " is below the confirmed yield "
              + confirmedYield().toPlainString());
    }
    return persist(new OrderPlanChanged(meta, cmd.header(), cmd.priority()));
  }

  Decision<ProductionOrderEvent> decideReprioritize(Reprioritize cmd, EventMeta meta) {
    if (!exists()) return unknownObject();
    if (isStale(cmd.origin().sourceVersion())) return Decision.stale();
    if (!OrderLifecycle.allows(status, cmd.type())) return transitionRefused(cmd.type());
    Instant start = cmd.scheduledStart() != null ? cmd.scheduledStart() : header.scheduledStart();
    Instant end = cmd.scheduledEnd() != null ? cmd.scheduledEnd() : header.scheduledEnd();
    Optional<String> invalid = OrderDataRules.notBefore("scheduledEnd", end, "scheduledStart", start);
    if (invalid.isPresent()) return reject(INVALID_REQUEST, invalid.get());
    return persist(new OrderReprioritized(meta, cmd.priority(), start, end));
  }

  Decision<ProductionOrderEvent> decideRelease(Release cmd, EventMeta meta) {
    Optional<String> invalid = OrderDataRules.components(cmd.components())
        .or(() -> cmd.header() == null ? Optional.empty() : OrderDataRules.header(cmd.header()));
    if (invalid.isPresent()) return reject(INVALID_REQUEST, invalid.get());
    if (!exists()) {
      if (cmd.header() == null) {
        return reject(INVALID_REQUEST,
            "order " + order + " does not exist yet: material, quantity, uom, scheduledStart and "
                + "scheduledEnd are required to create it on release");
      }
      return persist(new OrderReleased(meta, true, cmd.header(), cmd.operations(), cmd.components()));
    }
    if (!OrderLifecycle.allows(status, cmd.type())) return transitionRefused(cmd.type());
    return persist(new OrderReleased(meta, false, header, cmd.operations(), cmd.components()));
  }

  Decision<ProductionOrderEvent> decideConfirmOperation(ConfirmOperation cmd, EventMeta meta) {
    Optional<String> invalid = OrderDataRules.confirmation(cmd.yield(), cmd.scrap());
    if (invalid.isPresent()) return reject(INVALID_REQUEST, invalid.get());
    if (!exists()) return unknownObject();
    if (!OrderLifecycle.allows(status, cmd.type())) return transitionRefused(cmd.type());
    if (held()) return reject(OBJECT_ON_HOLD, "order " + order + " is held by quality hold(s) " + holds);
    int index = indexOfOperation(cmd.operation());
    if (index < 0) {
      return reject(INVALID_REQUEST, "operation " + cmd.operation() + " is not an operation of order " + order);
    }
    boolean allFinal = true;
    for (int i = 0; i < operations.size(); i++) {
      allFinal &= i == index ? (cmd.finalConfirmation() || operations.get(i).finallyConfirmed())
          : operations.get(i).finallyConfirmed();
    }
    OrderStatus next = allFinal ? completionStatus(deliveredQuantity) : OrderStatus.PARTIALLY_CONFIRMED;
    return persist(new OperationConfirmed(meta, cmd.confirmationId(), cmd.operation(),
        cmd.workCenter(), cmd.yield(), cmd.scrap(), cmd.finalConfirmation(), next));
  }

  Decision<ProductionOrderEvent> decideReportInterruption(ReportInterruption cmd, EventMeta meta) {
    if (!exists()) return unknownObject();
    Interruption known = interruption(cmd.interruptionId());
    // An end arrived before its start: the start is old news.
    if (known != null && !known.open() && cmd.endedAt() == null) return Decision.stale();
    if (!OrderLifecycle.allows(status, cmd.type())) return transitionRefused(cmd.type());
    Instant startedAt = known != null ? known.startedAt() : cmd.startedAt();
    Optional<String> invalid = OrderDataRules.notBefore("endedAt", cmd.endedAt(), "startedAt", startedAt);
    if (invalid.isPresent()) return reject(INVALID_REQUEST, invalid.get());
    return persist(new InterruptionReported(meta, cmd.interruptionId(), cmd.workCenter(), cmd.reason(),
        startedAt, cmd.endedAt()));
  }

  Decision<ProductionOrderEvent> decideComplete(Complete cmd, EventMeta meta) {
    if (!exists()) return unknownObject();
    if (!OrderLifecycle.allows(status, cmd.type())) return transitionRefused(cmd.type());
    return persist(new OrderTechnicallyCompleted(meta));
  }

  Decision<ProductionOrderEvent> decideClose(Close cmd, EventMeta meta) {
    if (!exists()) return unknownObject();
    if (!OrderLifecycle.allows(status, cmd.type())) return transitionRefused(cmd.type());
    return persist(new OrderClosed(meta));
  }

  Decision<ProductionOrderEvent> decideCancel(Cancel cmd, EventMeta meta) {
    if (!exists()) return unknownObject();
    if (!OrderLifecycle.allows(status, cmd.type())) return transitionRefused(cmd.type());
    if (hasConfirmations()) {
      return reject(INVALID_TRANSITION, "order " + order + " has confirmations and can no longer be cancelled");
    }
    return persist(new OrderCancelled(meta, cmd.reason()));
  }

  Decision<ProductionOrderEvent> decideGoodsReceipt(RecordGoodsReceipt cmd, EventMeta meta) {
    if (!exists()) return unknownObject();
    if (!header.uom().equals(cmd.uom())) {
      return reject(UOM_MISMATCH, "goods receipt in " + cmd.uom() + " for an order in " + header.uom());
    }
    BigDecimal delivered = deliveredQuantity.add(cmd.quantity());
    OrderStatus next = status == OrderStatus.CONFIRMED ? completionStatus(delivered) : status;
    return persist(new GoodsReceiptRecorded(meta, cmd.lot(), cmd.movementId(), cmd.quantity(), cmd.uom(),
        delivered, next));
  }

  /**
   * A reversed receipt takes its quantity off the delivered quantity; a confirmed order that was
   * DELIVERED is CONFIRMED again once delivery falls below the plan. The order cannot give back
   * more than was delivered to it (a reversal of a receipt it refused).
   */
  Decision<ProductionOrderEvent> decideGoodsReceiptReversal(RecordGoodsReceiptReversal cmd, EventMeta meta) {
    if (!exists()) return unknownObject();
    if (!header.uom().equals(cmd.uom())) {
      return reject(UOM_MISMATCH, "goods receipt reversal in " + cmd.uom() + " for an order in " + header.uom());
    }
    if (cmd.quantity().compareTo(deliveredQuantity) > 0) {
      return reject(INVALID_TRANSITION, "reversal " + cmd.movementId() + " takes back " + cmd.quantity().toPlainString()
          + " but order " + order + " has only " + deliveredQuantity.toPlainString() + " delivered");
    }
    BigDecimal delivered = deliveredQuantity.subtract(cmd.quantity());
    boolean fullyConfirmed = status == OrderStatus.CONFIRMED || status == OrderStatus.DELIVERED;
    OrderStatus next = fullyConfirmed ? completionStatus(delivered) : status;
    return persist(new GoodsReceiptReversed(meta, cmd.lot(), cmd.movementId(), cmd.reversedMovementId(),
        cmd.quantity(), cmd.uom(), delivered, next));
  }

  Decision<ProductionOrderEvent> decidePlaceOnHold(PlaceOnHold cmd, EventMeta meta) {
    return persist(new OrderPlacedOnHold(meta, cmd.hold()));
  }

  Decision<ProductionOrderEvent> decideReleaseFromHold(ReleaseFromHold cmd, EventMeta meta) {
    if (!holds.contains(cmd.hold())) {
      return reject(INVALID_TRANSITION, "order " + order + " is not held by quality hold " + cmd.hold());
    }
    return persist(new OrderReleasedFromHold(meta, cmd.hold()));
  }

  /** Fully confirmed orders count as delivered once goods receipts reach the planned quantity. */
  private OrderStatus completionStatus(BigDecimal delivered) {
    return DeliveryStatus.of(delivered, header.quantity()) == DeliveryStatus.DELIVERED
        ? OrderStatus.DELIVERED : OrderStatus.CONFIRMED;
  }

  private boolean isStale(Long sourceVersion) {
    return sourceVersion != null && lastSourceVersion != null && sourceVersion <= lastSourceVersion;
  }

  private int indexOfOperation(String operation) {
    for (int i = 0; i < operations.size(); i++) {
      if (operations.get(i).operation().equals(operation)) return i;
    }
    return -1;
  }

  private Interruption interruption(String interruptionId) {
    return interruptions.stream().filter(i -> i.interruptionId().equals(interruptionId)).findFirst().orElse(null);
  }

  private Decision<ProductionOrderEvent> unknownObject() {
    return reject(UNKNOWN_OBJECT, "production order " + plant + "/" + order + " does not exist");
  }

  private Decision<ProductionOrderEvent> transitionRefused(String commandType) {
    return reject(INVALID_TRANSITION,
        commandType + " is not allowed while the order is " + status + "; allowed from "
            + OrderLifecycle.allowedFrom(commandType));
  }

  // ---- event handling: no validation, never fails ----

  @Override
  public ProductionOrderState changedBy(ProductionOrderEvent event) {
    if (event instanceof OrderPlanned e) {
      return withStatus(OrderStatus.PLANNED).planned(e.header(), e.priority(), e.meta());
    }
    if (event instanceof OrderPlanChanged e) return planned(e.header(), e.priority(), e.meta());
    if (event instanceof OrderReprioritized e) {
      return planned(header.rescheduled(e.scheduledStart(), e.scheduledEnd()), e.priority(), e.meta());
    }
    if (event instanceof OrderReleased e) {
      return withStatus(OrderStatus.RELEASED).withHeader(e.header())
          .withOperations(e.operations().stream().map(OperationProgress::notStarted).toList())
          .withComponents(e.components());
    }
    if (event instanceof OperationConfirmed e) {
      return withStatus(e.resultingStatus()).withOperations(operations.stream()
          .map(op -> op.operation().equals(e.operation()) ? op.plus(e.yield(), e.scrap(), e.finalConfirmation()) : op)
          .toList());
    }
    if (event instanceof InterruptionReported e) return withInterruptions(interruptionsAfter(e));
    if (event instanceof GoodsReceiptRecorded e) return delivered(e.deliveredQuantity(), e.resultingStatus());
    if (event instanceof GoodsReceiptReversed e) return delivered(e.deliveredQuantity(), e.resultingStatus());
    if (event instanceof OrderPlacedOnHold e) return holds.contains(e.hold()) ? this : withHolds(concat(holds, e.hold()));
    if (event instanceof OrderReleasedFromHold e) return withHolds(without(holds, e.hold()));
    if (event instanceof OrderTechnicallyCompleted) return withStatus(OrderStatus.TECHNICALLY_COMPLETE);
    if (event instanceof OrderClosed) return withStatus(OrderStatus.CLOSED);
    if (event instanceof OrderCancelled e) return withStatus(OrderStatus.CANCELLED).withCancellationReason(e.reason());
    throw GovernedState.unknownEvent(event);
  }

  private List<Interruption> interruptionsAfter(InterruptionReported e) {
    List<Interruption> list = new ArrayList<>(interruptions);
    list.removeIf(i -> i.interruptionId().equals(e.interruptionId()));
    list.add(new Interruption(e.interruptionId(), e.workCenter(), e.reason(), e.startedAt(), e.endedAt()));
    return list;
  }

  private ProductionOrderState delivered(BigDecimal quantity, OrderStatus resultingStatus) {
    return withStatus(resultingStatus).withDelivered(quantity);
  }

  private static List<String> without(List<String> list, String element) {
    return list.stream().filter(e -> !e.equals(element)).toList();
  }

  private static List<String> concat(List<String> list, String element) {
    List<String> copy = new ArrayList<>(list);
    copy.add(element);
    return copy;
  }

  /** Planning's fields; a sourceVersion on the event is planning's newest. */
  private ProductionOrderState planned(OrderHeader newHeader, int newPriority, EventMeta meta) {
    Long sourceVersion = meta.sourceVersion() != null ? meta.sourceVersion() : lastSourceVersion;
    return new ProductionOrderState(plant, order, status, newHeader, newPriority, operations, components,
        deliveredQuantity, interruptions, holds, cancellationReason, sourceVersion, bookkeeping);
  }

  @Override
  public ProductionOrderState with(Bookkeeping newBookkeeping) {
    return new ProductionOrderState(plant, order, status, header, priority, operations, components,
        deliveredQuantity, interruptions, holds, cancellationReason, lastSourceVersion, newBookkeeping);
  }

  private ProductionOrderState withStatus(OrderStatus newStatus) {
    return new ProductionOrderState(plant, order, newStatus, header, priority, operations, components,
        deliveredQuantity, interruptions, holds, cancellationReason, lastSourceVersion, bookkeeping);
  }

  private ProductionOrderState withHeader(OrderHeader newHeader) {
    return new ProductionOrderState(plant, order, status, newHeader, priority, operations, components,
        deliveredQuantity, interruptions, holds, cancellationReason, lastSourceVersion, bookkeeping);
  }

  private ProductionOrderState withOperations(List<OperationProgress> newOperations) {
    return new ProductionOrderState(plant, order, status, header, priority, newOperations, components,
        deliveredQuantity, interruptions, holds, cancellationReason, lastSourceVersion, bookkeeping);
  }

  private ProductionOrderState withComponents(List<Component> newComponents) {
    return new ProductionOrderState(plant, order, status, header, priority, operations, newComponents,
        deliveredQuantity, interruptions, holds, cancellationReason, lastSourceVersion, bookkeeping);
  }

  private ProductionOrderState withDelivered(BigDecimal newDelivered) {
    return new ProductionOrderState(plant, order, status, header, priority, operations, components,
        newDelivered, interruptions, holds, cancellationReason, lastSourceVersion, bookkeeping);
  }

  private ProductionOrderState withInterruptions(List<Interruption> newInterruptions) {
    return new ProductionOrderState(plant, order, status, header, priority, operations, components,
        deliveredQuantity, newInterruptions, holds, cancellationReason, lastSourceVersion, bookkeeping);
  }

  private ProductionOrderState withHolds(List<String> newHolds) {
    return new ProductionOrderState(plant, order, status, header, priority, operations, components,
        deliveredQuantity, interruptions, newHolds, cancellationReason, lastSourceVersion, bookkeeping);
  }

  private ProductionOrderState withCancellationReason(String reason) {
    return new ProductionOrderState(plant, order, status, header, priority, operations, components,
        deliveredQuantity, interruptions, holds, reason, lastSourceVersion, bookkeeping);
  }
}
