package io.plantsync.aggregates.productionorder;

import io.plantsync.aggregates.ObjectFigures;
import java.math.BigDecimal;

/**
 * An order's status and quantities after an event ({@link ObjectFigures}); {@code status} (and the
 * header's fields) are null while the order does not exist yet (a hold may name it first).
 */
public record OrderFigures(
    OrderStatus status,
    String material,
    BigDecimal quantity,
    String uom,
    BigDecimal confirmedYield,
    BigDecimal confirmedScrap,
    BigDecimal deliveredQuantity,
    boolean held,
    boolean interrupted,
    int priority)
    implements ObjectFigures {

  static OrderFigures of(ProductionOrderState s) {
    OrderHeader header = s.header();
    return new OrderFigures(s.status(), header == null ? null : header.material(),
        header == null ? null : header.quantity(), header == null ? null : header.uom(), s.confirmedYield(),
        s.confirmedScrap(), s.deliveredQuantity(), s.held(), s.interrupted(), s.priority());
  }

  public boolean exists() {
    return status != null;
  }
}
