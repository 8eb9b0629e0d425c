package io.plantsync.projections.views;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantsync.aggregates.common.PersistentMap;
import io.plantsync.aggregates.common.Bookkeeping;
import io.plantsync.aggregates.common.ProcessedMessages;
import io.plantsync.aggregates.common.UsageDecision;
import io.plantsync.aggregates.inventorylot.InventoryLotState;
import io.plantsync.aggregates.inventorylot.Reservation;
import io.plantsync.aggregates.inventorylot.Stock;
import io.plantsync.aggregates.inventorylot.StockBucket;
import io.plantsync.aggregates.inventorylot.StockType;
import io.plantsync.aggregates.productionorder.Interruption;
import io.plantsync.aggregates.productionorder.OperationProgress;
import io.plantsync.aggregates.productionorder.OrderHeader;
import io.plantsync.aggregates.productionorder.OrderStatus;
import io.plantsync.aggregates.productionorder.ProductionOrderState;
import io.plantsync.aggregates.qualityhold.HoldScope;
import io.plantsync.aggregates.qualityhold.HoldStatus;
import io.plantsync.aggregates.qualityhold.LotRef;
import io.plantsync.aggregates.qualityhold.QualityHoldState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A view row holds the object's absolute figures as its own read shows them. */
class ViewRowsTest {

  static final Instant AT = Instant.parse("2026-11-27T08:00:00Z");

  @Test
  void anOrdersRowCarriesItsStatusQuantitiesAndFlags() {
    var state = new ProductionOrderState("1000", "OA-1", OrderStatus.PARTIALLY_CONFIRMED,
        new OrderHeader("FG-100", new BigDecimal("100"), "EA", AT, AT.plusSeconds(3600)), 7,
        List.of(new OperationProgress("0010", "ASSY-01", new BigDecimal("40"), new BigDecimal("1.5"), true),
            new OperationProgress("0020", "PACK-01", new BigDecimal("30"), new BigDecimal("2"), false)),
        List.of(), new BigDecimal("25"), List.of(new Interruption("I-1", "ASSY-01", "jam", AT, null)),
        List.of("QN-1"), null, 3L, new Bookkeeping(9, AT, ProcessedMessages.EMPTY));

    assertThat(ProductionOrderRow.of(state)).contains(new ProductionOrderRow("1000", "OA-1", "PARTIALLY_CONFIRMED",
        "PCNF", "FG-100", new BigDecimal("100"), "EA", new BigDecimal("30"), new BigDecimal("3.5"),
        new BigDecimal("25"), true, true, 7, 9, AT));
  }

  @Test
  void anOrderNamedOnlyByAHoldHasNoRow() {
    var named = new ProductionOrderState("1000", "OA-2", null, null, 0, List.of(), List.of(), BigDecimal.ZERO,
        List.of(), List.of("QN-1"), null, null, new Bookkeeping(1, AT, ProcessedMessages.EMPTY));
    assertThat(ProductionOrderRow.of(named)).isEmpty();
  }

  @Test
  void aLotsRowTotalsItsStockPerTypeAndShowsAtp() {
    var lot = lot(Set.of(), new StockBucket("L1", StockType.UNRESTRICTED, new BigDecimal("30")),
        new StockBucket("L2", StockType.UNRESTRICTED, new BigDecimal("10")),
        new StockBucket("L1", StockType.QUALITY, new BigDecimal("5")),
        new StockBucket("L1", StockType.BLOCKED, new BigDecimal("2")));

    assertThat(InventoryLotRow.of(lot)).contains(new InventoryLotRow("1000", "RM-7", "B1", "KG", new BigDecimal("40"),
        new BigDecimal("5"), new BigDecimal("2"), new BigDecimal("12"), false, new BigDecimal("28"), 4, AT));
  }

  @Test
  void aHeldLotPromisesNothing() {
    var lot = lot(Set.of("QN-1"), new StockBucket("L1", StockType.UNRESTRICTED, new BigDecimal("30")));
    var row = InventoryLotRow.of(lot).orElseThrow();
    assertThat(row.held()).isTrue();
    assertThat(row.atp()).isEqualByComparingTo("0");
  }

  @Test
  void aLotNamedByAHoldBeforeItsFirstReceiptHasNoRow() {
    var named = new InventoryLotState("1000", "RM-7", "B9", null, Stock.EMPTY, Map.of(), PersistentMap.empty(), Set.of("QN-1"),
        new Bookkeeping(1, AT, ProcessedMessages.EMPTY));
    assertThat(named.exists()).isTrue();
    assertThat(InventoryLotRow.of(named)).isEmpty();
  }

  @Test
  void aHoldsRowCountsItsScopeAndShowsTheDecision() {
    var hold = new QualityHoldState("1000", "QN-1", HoldStatus.RELEASED, "porosity",
        new HoldScope(List.of(new LotRef("RM-7", "B1"), new LotRef("RM-7", "B2")), List.of("OA-1")),
        UsageDecision.REJECT, "scrap", AT, AT.plusSeconds(60), new Bookkeeping(4, AT.plusSeconds(60), ProcessedMessages.EMPTY));

    assertThat(QualityHoldRow.of(hold)).contains(new QualityHoldRow("1000", "QN-1", "RELEASED", "porosity", 2, 1,
        "REJECT", AT, AT.plusSeconds(60), 4, AT.plusSeconds(60)));
    assertThat(QualityHoldRow.of(QualityHoldState.empty("1000", "QN-2"))).isEmpty();
  }

  private static InventoryLotState lot(Set<String> holds, StockBucket... buckets) {
    return new InventoryLotState("1000", "RM-7", "B1", "KG", new Stock(List.of(buckets)),
        Map.of("R-1", new Reservation(new BigDecimal("12"), "OA-1")), PersistentMap.empty(), holds, new Bookkeeping(4, AT, ProcessedMessages.EMPTY));
  }
}
