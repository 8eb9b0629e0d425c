package io.plantsync.http.reads;

import io.plantsync.aggregates.productionorder.Component;
import io.plantsync.aggregates.productionorder.Interruption;
import io.plantsync.aggregates.productionorder.OperationProgress;
import io.plantsync.aggregates.productionorder.ProductionOrderState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The public JSON of a production order read; internal bookkeeping stays inside the entity.
 * {@code held}/{@code interrupted} are the ISA-95 Held and Paused states beside the status.
 */
public record ProductionOrderView(
    String plant,
    String order,
    String status,
    String sapStatus,
    String material,
    BigDecimal quantity,
    String uom,
    Instant scheduledStart,
    Instant scheduledEnd,
    int priority,
    BigDecimal confirmedYield,
    BigDecimal confirmedScrap,
    BigDecimal deliveredQuantity,
    String deliveryStatus,
    boolean held,
    List<String> holds,
    boolean interrupted,
    List<Interruption> interruptions,
    List<OperationProgress> operations,
    List<Component> components,
    String cancellationReason,
    Long lastSourceVersion,
    long objectVersion,
    Instant lastChangedAt) {

  public static ProductionOrderView of(ProductionOrderState s) {
    var header = s.header();
    return new ProductionOrderView(s.plant(), s.order(), s.status().name(), s.status().sapStatus(),
        header.material(), header.quantity(), header.uom(), header.scheduledStart(), header.scheduledEnd(),
        s.priority(), s.confirmedYield(), s.confirmedScrap(), s.deliveredQuantity(), s.deliveryStatus().name(),
        s.held(), s.holds(), s.interrupted(), s.interruptions(), s.operations(), s.components(),
        s.cancellationReason(), s.lastSourceVersion(), s.version(), s.lastChangedAt());
  }
}
