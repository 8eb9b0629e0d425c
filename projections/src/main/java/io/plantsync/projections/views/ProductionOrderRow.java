package io.plantsync.projections.views;

import io.plantsync.aggregates.productionorder.OrderFigures;
import io.plantsync.aggregates.productionorder.OrderKey;
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
  public static Optional<ProductionOrderRow> of(OrderKey key, OrderFigures f, long version, Instant lastChangedAt) {
    if (!f.exists()) return Optional.empty();
    return Optional.of(new ProductionOrderRow(key.plant(), key.order(), f.status().name(), f.status().sapStatus(),
        f.material(), f.quantity(), f.uom(), f.confirmedYield(), f.confirmedScrap(), f.deliveredQuantity(), f.held(),
        f.interrupted(), f.priority(), version, lastChangedAt));
  }

  public static Optional<ProductionOrderRow> of(ProductionOrderState s) {
    return of(new OrderKey(s.plant(), s.order()), s.figures(), s.version(), s.lastChangedAt());
  }
}
