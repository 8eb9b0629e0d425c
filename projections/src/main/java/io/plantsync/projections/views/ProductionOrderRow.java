package io.plantsync.projections.views;

import io.plantsync.aggregates.productionorder.ProductionOrderState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * One production order in the production-orders view: its status and quantities as absolute
 * values, and the item of {@code GET /v1/views/production-orders} (field names are the public JSON).
 */
public record ProductionOrderRow(
    String plant,
    String order,
    String status,
    String sapStatus,
    String material,
    BigDecimal quantity,
    String uom,
    BigDecimal confirmedYield,
    BigDecimal confirmedScrap,
    BigDecimal deliveredQuantity,
    boolean held,
    boolean interrupted,
    int priority,
    long objectVersion,
    Instant lastChangedAt) {

  /** The order's row, or none while the order does not exist (a hold may name it before planning does). */
  public static Optional<ProductionOrderRow> of(ProductionOrderState s) {
    if (!s.exists()) return Optional.empty();
    var header = s.header();
    return Optional.of(new ProductionOrderRow(s.plant(), s.order(), s.status().name(), s.status().sapStatus(),
        header.material(), header.quantity(), header.uom(), s.confirmedYield(), s.confirmedScrap(),
        s.deliveredQuantity(), s.held(), s.interrupted(), s.priority(), s.version(), s.lastChangedAt()));
  }
}
