package io.plantsync.projections.views;

import io.plantsync.aggregates.inventorylot.InventoryLotState;
import io.plantsync.aggregates.inventorylot.LotFigures;
import io.plantsync.aggregates.inventorylot.LotKey;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** One inventory lot in the inventory view: its stock totals as absolute values; summed into positions. */
public record InventoryLotRow(
    String plant,
    String material,
    String batch,
    String uom,
    BigDecimal unrestricted,
    BigDecimal quality,
    BigDecimal blocked,
    BigDecimal reserved,
    boolean held,
    BigDecimal atp,
    long objectVersion,
    Instant lastChangedAt) {

  /**
   * The lot's row, or none before its first goods receipt: a lot that a hold names before it is
   * received has no unit and no stock, so it adds nothing to a position.
   */
  public static Optional<InventoryLotRow> of(LotKey key, LotFigures f, long version, Instant lastChangedAt) {
    if (!f.received()) return Optional.empty();
    return Optional.of(new InventoryLotRow(key.plant(), key.material(), key.batch(), f.uom(), f.unrestricted(),
        f.quality(), f.blocked(), f.reserved(), f.held(), f.atp(), version, lastChangedAt));
  }

  public static Optional<InventoryLotRow> of(InventoryLotState s) {
    return of(new LotKey(s.plant(), s.material(), s.batch()), s.figures(), s.version(), s.lastChangedAt());
  }

  /** All stock of the lot, whatever its type. */
  public BigDecimal stock() {
    return unrestricted.add(quality).add(blocked);
  }
}
