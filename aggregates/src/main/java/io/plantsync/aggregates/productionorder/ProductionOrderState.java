package io.plantsync.aggregates.productionorder;

import static io.plantsync.aggregates.common.Decision.persist;
import static io.plantsync.aggregates.common.Decision.reject;
import static io.plantsync.aggregates.common.ErrorCode.*;

import io.plantsync.aggregates.CborSerializable;
import io.plantsync.aggregates.common.Decision;
import io.plantsync.aggregates.common.CommandGate;
import io.plantsync.aggregates.common.EventMeta;
import io.plantsync.aggregates.common.GovernedState;
import io.plantsync.aggregates.common.ProcessedMessages;
import io.plantsync.aggregates.productionorder.ProductionOrderCommand.*;
import io.plantsync.aggregates.productionorder.ProductionOrderEvent.*;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The authoritative state of one production order. {@code status} is null until the order is
 * created by plan or release. The {@code decide*} methods validate; {@link #apply} never does.
 */
public record ProductionOrderState(
    String plant,
    String order,
    OrderStatus status,
    OrderHeader header,
    int priority,
    List<OperationProgress> operations,
    List<Component> components,
    String cancellationReason,
    Long lastSourceVersion,
    long version,
    Instant lastChangedAt,
    ProcessedMessages processed)
    implements CborSerializable, GovernedState {

  public ProductionOrderState {
    operations = List.copyOf(operations);
    components = List.copyOf(components);
  }

  public static ProductionOrderState empty(String plant, String order) {
    return new ProductionOrderState(
        plant, order, null, null, 0, List.of(), List.of(), null, null, 0, null,
        ProcessedMessages.EMPTY);
  }

  public boolean exists() {
    return status != null;
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

  // ---- decisions ----

  Decision<ProductionOrderEvent> decidePlan(Plan cmd, EventMeta meta) {
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

  Decision<ProductionOrderEvent> decideRelease(Release cmd, EventMeta meta) {
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
    if (!exists()) return unknownObject();
    if (!OrderLifecycle.allows(status, cmd.type())) return transitionRefused(cmd.type());
    int index = indexOfOperation(cmd.operation());
    if (index < 0) {
      return reject(INVALID_REQUEST,
          "operation " + cmd.operation() + " is not an operation of order " + order);
    }
    boolean allFinal = true;
    for (int i = 0; i < operations.size(); i++) {
      allFinal &= i == index ? (cmd.finalConfirmation() || operations.get(i).finallyConfirmed())
          : operations.get(i).finallyConfirmed();
    }
    OrderStatus next = allFinal ? OrderStatus.CONFIRMED : OrderStatus.PARTIALLY_CONFIRMED;
    return persist(new OperationConfirmed(meta, cmd.confirmationId(), cmd.operation(),
        cmd.workCenter(), cmd.yield(), cmd.scrap(), cmd.finalConfirmation(), next));
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

  private boolean isStale(Long sourceVersion) {
    return sourceVersion != null && lastSourceVersion != null && sourceVersion <= lastSourceVersion;
  }

  private int indexOfOperation(String operation) {
    for (int i = 0; i < operations.size(); i++) {
      if (operations.get(i).operation().equals(operation)) return i;
    }
    return -1;
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

  public ProductionOrderState apply(ProductionOrderEvent event, int messageIdWindow) {
    ProductionOrderState next;
    if (event instanceof OrderPlanned e) {
      next = withPlan(OrderStatus.PLANNED, e.header(), e.priority(), e.meta());
    } else if (event instanceof OrderPlanChanged e) {
      next = withPlan(status, e.header(), e.priority(), e.meta());
    } else if (event instanceof OrderReleased e) {
      next = withRelease(e);
    } else if (event instanceof OperationConfirmed e) {
      next = withConfirmation(e);
    } else if (event instanceof OrderTechnicallyCompleted) {
      next = withStatus(OrderStatus.TECHNICALLY_COMPLETE);
    } else if (event instanceof OrderClosed) {
      next = withStatus(OrderStatus.CLOSED);
    } else if (event instanceof OrderCancelled e) {
      next = withStatus(OrderStatus.CANCELLED).withCancellationReason(e.reason());
    } else {
      throw new IllegalStateException("unhandled event " + event.getClass().getName());
    }
    return next.recorded(version + 1, event.meta().recordedAt(), CommandGate.remember(this, event, messageIdWindow));
  }

  private ProductionOrderState withPlan(OrderStatus newStatus, OrderHeader newHeader, int newPriority, EventMeta meta) {
    Long sv = meta.sourceVersion() != null ? meta.sourceVersion() : lastSourceVersion;
    return new ProductionOrderState(plant, order, newStatus, newHeader, newPriority, operations,
        components, cancellationReason, sv, version, lastChangedAt, processed);
  }

  private ProductionOrderState withRelease(OrderReleased e) {
    List<OperationProgress> progress = new ArrayList<>();
    for (Operation op : e.operations()) progress.add(OperationProgress.notStarted(op));
    return new ProductionOrderState(plant, order, OrderStatus.RELEASED, e.header(), priority,
        progress, e.components(), cancellationReason, lastSourceVersion, version, lastChangedAt, processed);
  }

  private ProductionOrderState withConfirmation(OperationConfirmed e) {
    List<OperationProgress> progress = new ArrayList<>(operations);
    for (int i = 0; i < progress.size(); i++) {
      if (progress.get(i).operation().equals(e.operation())) {
        progress.set(i, progress.get(i).plus(e.yield(), e.scrap(), e.finalConfirmation()));
      }
    }
    return new ProductionOrderState(plant, order, e.orderStatus(), header, priority, progress,
        components, cancellationReason, lastSourceVersion, version, lastChangedAt, processed);
  }

  private ProductionOrderState withStatus(OrderStatus newStatus) {
    return new ProductionOrderState(plant, order, newStatus, header, priority, operations,
        components, cancellationReason, lastSourceVersion, version, lastChangedAt, processed);
  }

  private ProductionOrderState withCancellationReason(String reason) {
    return new ProductionOrderState(plant, order, status, header, priority, operations,
        components, reason, lastSourceVersion, version, lastChangedAt, processed);
  }

  private ProductionOrderState recorded(long newVersion, Instant at, ProcessedMessages newProcessed) {
    return new ProductionOrderState(plant, order, status, header, priority, operations,
        components, cancellationReason, lastSourceVersion, newVersion, at, newProcessed);
  }
}
