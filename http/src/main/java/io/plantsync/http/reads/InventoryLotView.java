package io.plantsync.http.reads;

import io.plantsync.aggregates.inventorylot.InventoryLotState;
import io.plantsync.aggregates.inventorylot.Reservation;
import io.plantsync.aggregates.inventorylot.StockBucket;
import io.plantsync.aggregates.inventorylot.StockType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The public JSON of an inventory lot read: stock per location and type, totals, reservations, ATP. */
public record InventoryLotView(
    String plant,
    String material,
    String batch,
    String uom,
    List<StockBucket> stock,
    BigDecimal unrestricted,
    BigDecimal quality,
    BigDecimal blocked,
    BigDecimal reserved,
    BigDecimal atp,
    boolean held,
    List<String> holds,
    Map<String, Reservation> reservations,
    long objectVersion,
    Instant lastChangedAt) {

  public static InventoryLotView of(InventoryLotState s) {
    return new InventoryLotView(s.plant(), s.material(), s.batch(), s.uom(), s.stock().buckets(),
        s.total(StockType.UNRESTRICTED), s.total(StockType.QUALITY), s.total(StockType.BLOCKED), s.reserved(),
        s.atp(), s.held(), s.holds().stream().sorted().toList(), new TreeMap<>(s.reservations()), s.version(),
        s.lastChangedAt());
  }
}
