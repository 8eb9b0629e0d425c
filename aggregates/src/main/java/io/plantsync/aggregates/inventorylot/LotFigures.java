package io.plantsync.aggregates.inventorylot;

import io.plantsync.aggregates.ObjectFigures;
import java.math.BigDecimal;

/**
 * A lot's stock totals after an event ({@link ObjectFigures}); {@code uom} is null before the
 * lot's first goods receipt, when it has no stock to show.
 */
public record LotFigures(
    String uom,
    BigDecimal unrestricted,
    BigDecimal quality,
    BigDecimal blocked,
    BigDecimal reserved,
    boolean held,
    BigDecimal atp)
    implements ObjectFigures {

  static LotFigures of(InventoryLotState s) {
    return new LotFigures(s.uom(), s.total(StockType.UNRESTRICTED), s.total(StockType.QUALITY),
        s.total(StockType.BLOCKED), s.reserved(), s.held(), s.atp());
  }

  public boolean received() {
    return uom != null;
  }
}
