package io.plantsync.projections.outbound.events;

import io.plantsync.aggregates.common.EventMeta;
import io.plantsync.aggregates.common.UsageDecision;
import io.plantsync.aggregates.inventorylot.InventoryLotEvent;
import io.plantsync.aggregates.inventorylot.LotKey;
import io.plantsync.aggregates.inventorylot.MovementType;
import io.plantsync.aggregates.inventorylot.ReservationChange;
import io.plantsync.aggregates.inventorylot.StockMove;
import io.plantsync.aggregates.inventorylot.StockType;
import io.plantsync.aggregates.inventorylot.TransferToBlocked;
import io.plantsync.aggregates.productionorder.Component;
import io.plantsync.aggregates.productionorder.Operation;
import io.plantsync.aggregates.productionorder.OrderHeader;
import io.plantsync.aggregates.productionorder.OrderKey;
import io.plantsync.aggregates.productionorder.OrderStatus;
import io.plantsync.aggregates.productionorder.ProductionOrderEvent;
import io.plantsync.aggregates.qualityhold.HoldKey;
import io.plantsync.aggregates.qualityhold.LotRef;
import io.plantsync.aggregates.qualityhold.QualityHoldEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A realistic journal of order 1000/OA-100, lot 1000/RM-7/B-100 and hold 1000/QN-1: every internal
 * event at least once, with the variants that change the public data (null order, null count
 * movement type, open and closed interruptions, ACCEPT and REJECT).
 */
final class PublicEventSamples {
  private PublicEventSamples() {}

  /** One journal entry: what the outbound projection's envelope gives the mapper. */
  record Sample(String entityType, String entityId, long sequenceNr, long timestampMillis, Object event) {
    PublicEvent map() {
      return PublicEventMapper.map(entityType, entityId, sequenceNr, timestampMillis, event);
    }
  }

  static final Instant AT = Instant.parse("2026-11-27T08:00:00Z");
  static final String ORDER = new OrderKey("1000", "OA-100").entityId();
  static final String LOT = new LotKey("1000", "RM-7", "B-100").entityId();
  static final String HOLD = new HoldKey("1000", "QN-1").entityId();

  static final List<Sample> ALL = List.of(
      order(1, new ProductionOrderEvent.OrderPlanned(meta("PLN-1", "planning", 41L, AT.minusSeconds(60)),
          new OrderHeader("FG-100", qty("100"), "EA", AT, AT.plusSeconds(86_400)), 20)),
      order(2, new ProductionOrderEvent.OrderPlanChanged(meta("PLN-2", "planning", 42L, null),
          new OrderHeader("FG-100", qty("120.000"), "EA", AT, AT.plusSeconds(90_000)), 10)),
      order(3, new ProductionOrderEvent.OrderReleased(meta("ERP-1", "erp", null, null), false,
          new OrderHeader("FG-100", qty("120"), "EA", AT, AT.plusSeconds(90_000)),
          List.of(new Operation("0010", "ASSY-01"), new Operation("0020", "PACK-01")),
          List.of(new Component("RM-7", qty("240.5"), "KG")))),
      order(4, new ProductionOrderEvent.OrderReprioritized(meta("PLN-3", "planning", 43L, null), 5, AT,
          AT.plusSeconds(80_000))),
      order(5, new ProductionOrderEvent.InterruptionReported(meta("MES-1", "mes-1000", null, AT), "INT-1",
          "ASSY-01", "conveyor jam", AT, null)),
      order(6, new ProductionOrderEvent.InterruptionReported(meta("MES-2", "mes-1000", null, AT.plusSeconds(900)),
          "INT-1", "ASSY-01", "conveyor jam", AT, AT.plusSeconds(900))),
      order(7, new ProductionOrderEvent.OperationConfirmed(meta("MES-3", "mes-1000", null, AT), "CNF-1", "0010",
          "ASSY-01", qty("118"), qty("2.5"), true, OrderStatus.PARTIALLY_CONFIRMED)),
      order(8, new ProductionOrderEvent.OperationConfirmed(meta("MES-4", "mes-1000", null, AT), "CNF-2", "0020",
          "PACK-01", qty("118"), BigDecimal.ZERO, true, OrderStatus.CONFIRMED)),
      order(9, new ProductionOrderEvent.GoodsReceiptRecorded(meta("plantsync:" + pid("InventoryLot", LOT) + "#1",
          "plantsync", null, null), LOT, "4900000001", qty("118"), "EA", qty("118"), OrderStatus.DELIVERED)),
      order(10, new ProductionOrderEvent.OrderPlacedOnHold(meta("plantsync:" + pid("QualityHold", HOLD) + "#1",
          "plantsync", null, null), "QN-1")),
      order(11, new ProductionOrderEvent.OrderReleasedFromHold(meta("plantsync:" + pid("QualityHold", HOLD) + "#3",
          "plantsync", null, null), "QN-1")),
      order(12, new ProductionOrderEvent.OrderTechnicallyCompleted(meta("ERP-2", "erp", null, null))),
      order(13, new ProductionOrderEvent.OrderClosed(meta("ERP-3", "erp", null, null))),
      new Sample("ProductionOrder", new OrderKey("1000", "OA-101").entityId(), 2, millis(13),
          new ProductionOrderEvent.OrderCancelled(meta("ERP-4", "erp", null, null), "customer withdrew the order")),

      lot(1, new InventoryLotEvent.GoodsReceived(meta("WMS-1", "wms", null, AT), "4900000001",
          MovementType.GOODS_RECEIPT, qty("500"), "KG", "RM01", StockType.QUALITY, "OA-100")),
      lot(2, new InventoryLotEvent.StockTypeChanged(meta("QMS-1", "qms", null, null), "4900000002",
          MovementType.QUALITY_TO_UNRESTRICTED, qty("450"), "KG", "RM01", StockType.QUALITY, StockType.UNRESTRICTED)),
      lot(3, new InventoryLotEvent.StockTransferred(meta("WMS-2", "wms", null, null), "4900000003",
          MovementType.TRANSFER_BETWEEN_LOCATIONS, qty("100"), "KG", "RM01", "PS01")),
      lot(4, new InventoryLotEvent.StockReserved(meta("ERP-5", "erp", null, null), "RES-1", qty("60"), "KG",
          "OA-100")),
      lot(5, new InventoryLotEvent.ReservationReleased(meta("ERP-6", "erp", null, null), "RES-1", qty("60"), "KG",
          "OA-100")),
      lot(6, new InventoryLotEvent.GoodsIssued(meta("MES-5", "mes-1000", null, AT), "4900000004",
          MovementType.ISSUE_TO_ORDER, qty("60.25"), "KG", "PS01", "OA-100", null)),
      lot(7, new InventoryLotEvent.GoodsIssued(meta("WMS-3", "wms", null, null), "4900000005",
          MovementType.ISSUE_TO_COST_CENTER, qty("5"), "KG", "RM01", null, null)),
      lot(8, new InventoryLotEvent.MovementReversed(meta("ERP-7", "erp", null, null), "4900000006",
          MovementType.ISSUE_TO_COST_CENTER_REVERSAL, "4900000005", MovementType.ISSUE_TO_COST_CENTER,
          List.of(new StockMove("RM01", StockType.UNRESTRICTED, qty("5"))), "KG", null, null)),
      lot(9, new InventoryLotEvent.StockScrapped(meta("QMS-2", "qms", null, null), "4900000007",
          MovementType.SCRAPPING, qty("50"), "KG", "RM01", StockType.QUALITY)),
      lot(10, new InventoryLotEvent.StockCounted(meta("WMS-4", "wms", null, null), "CNT-1",
          MovementType.INVENTORY_LOSS, "KG", "RM01", StockType.UNRESTRICTED, qty("345"), qty("344.5"), qty("-0.5"))),
      lot(11, new InventoryLotEvent.StockCounted(meta("WMS-5", "wms", null, null), "CNT-2", null, "KG", "PS01",
          StockType.UNRESTRICTED, qty("39.75"), qty("39.75"), BigDecimal.ZERO)),
      lot(12, new InventoryLotEvent.LotPlacedOnHold(meta("plantsync:" + pid("QualityHold", HOLD) + "#1",
          "plantsync", null, null), "QN-1")),
      lot(13, new InventoryLotEvent.LotReleasedFromHold(meta("plantsync:" + pid("QualityHold", HOLD) + "#3",
          "plantsync", null, null), "QN-1", UsageDecision.REJECT,
          List.of(new TransferToBlocked("PS01", StockType.UNRESTRICTED, qty("39.75"),
              MovementType.UNRESTRICTED_TO_BLOCKED),
              new TransferToBlocked("RM01", StockType.UNRESTRICTED, qty("344.5"), MovementType.UNRESTRICTED_TO_BLOCKED)),
          "KG")),
      reservedLot(1, new InventoryLotEvent.GoodsIssued(meta("MES-6", "mes-1000", null, null), "4900000101",
          MovementType.ISSUE_TO_ORDER, qty("7.5"), "KG", "PS01", "OA-100",
          new ReservationChange("RS-1", "OA-100", qty("-7.5"), qty("2.5")))),
      reservedLot(2, new InventoryLotEvent.GoodsIssued(meta("MES-7", "mes-1000", null, null), "4900000102",
          MovementType.ISSUE_TO_ORDER, qty("4"), "KG", "PS01", "OA-100",
          new ReservationChange("RS-1", "OA-100", qty("-2.5"), BigDecimal.ZERO))),
      reservedLot(3, new InventoryLotEvent.MovementReversed(meta("ERP-8", "erp", null, null), "4900000103",
          MovementType.ISSUE_TO_ORDER_REVERSAL, "4900000102", MovementType.ISSUE_TO_ORDER,
          List.of(new StockMove("PS01", StockType.UNRESTRICTED, qty("4"))), "KG", "OA-100",
          new ReservationChange("RS-1", "OA-100", qty("2.5"), qty("2.5")))),
      reservedLot(4, new InventoryLotEvent.StockScrapped(meta("QMS-7", "qms", null, null), "4900000104",
          MovementType.SCRAPPING_FROM_BLOCKED, qty("1"), "KG", "PS01", StockType.BLOCKED)),
      reservedLot(5, new InventoryLotEvent.MovementReversed(meta("ERP-9", "erp", null, null), "4900000105",
          MovementType.SCRAPPING_FROM_BLOCKED_REVERSAL, "4900000104", MovementType.SCRAPPING_FROM_BLOCKED,
          List.of(new StockMove("PS01", StockType.BLOCKED, qty("1"))), "KG", null, null)),
      reservedLot(6, new InventoryLotEvent.StockCounted(meta("WMS-6", "wms", null, null), "CNT-3",
          MovementType.INVENTORY_GAIN_QUALITY, "KG", "PS01", StockType.QUALITY, qty("3"), qty("3.5"), qty("0.5"))),
      new Sample("ProductionOrder", new OrderKey("1000", "OA-102").entityId(), 3, millis(50),
          new ProductionOrderEvent.GoodsReceiptReversed(meta("plantsync:" + pid("InventoryLot", LOT) + "#20",
              "plantsync", null, null), LOT, "4900000201", "4900000200", qty("18"), "EA", qty("100"),
              OrderStatus.CONFIRMED)),
      new Sample("InventoryLot", new LotKey("1000", "RM-8", "B-7").entityId(), 2, millis(30),
          new InventoryLotEvent.LotReleasedFromHold(meta("plantsync:" + pid("QualityHold", HOLD) + "#3",
              "plantsync", null, null), "QN-1", UsageDecision.ACCEPT, List.of(), null)),

      hold(1, new QualityHoldEvent.HoldPlaced(meta("QMS-3", "qms", null, AT), "contaminated resin lot",
          List.of(new LotRef("RM-7", "B-100")), List.of("OA-100"))),
      hold(2, new QualityHoldEvent.HoldExtended(meta("QMS-4", "qms", null, null),
          List.of(new LotRef("RM-8", "B-7")), List.of())),
      hold(3, new QualityHoldEvent.HoldReleased(meta("QMS-5", "qms", 3L, AT.plusSeconds(7_200)),
          UsageDecision.REJECT, "lab results out of specification",
          List.of(new LotRef("RM-7", "B-100"), new LotRef("RM-8", "B-7")), List.of("OA-100"))),
      new Sample("QualityHold", new HoldKey("2000", "QN-2").entityId(), 2, millis(40),
          new QualityHoldEvent.HoldReleased(meta("QMS-6", "qms", null, null), UsageDecision.ACCEPT, null,
              List.of(), List.of("OA-7"))));

  /** Lot 1000/RM-7/B-200: issues against reservation RS-1, a final one reversed; 555 and 703 postings. */
  private static Sample reservedLot(long sequenceNr, InventoryLotEvent event) {
    return new Sample("InventoryLot", new LotKey("1000", "RM-7", "B-200").entityId(), sequenceNr, millis(sequenceNr),
        event);
  }

  /** The first sample of {@code eventClass}. */
  static Sample first(Class<?> eventClass) {
    return ALL.stream().filter(sample -> eventClass.isInstance(sample.event())).findFirst().orElseThrow();
  }

  static BigDecimal qty(String value) {
    return new BigDecimal(value);
  }

  static String pid(String entityType, String entityId) {
    return entityType + "|" + entityId;
  }

  private static EventMeta meta(String messageId, String adapterId, Long sourceVersion, Instant occurredAt) {
    return new EventMeta(messageId, adapterId, AT.plusSeconds(5), occurredAt, sourceVersion);
  }

  private static long millis(long sequenceNr) {
    return AT.plusSeconds(60 * sequenceNr).plusMillis(123).toEpochMilli();
  }

  private static Sample order(long sequenceNr, ProductionOrderEvent event) {
    return new Sample("ProductionOrder", ORDER, sequenceNr, millis(sequenceNr), event);
  }

  private static Sample lot(long sequenceNr, InventoryLotEvent event) {
    return new Sample("InventoryLot", LOT, sequenceNr, millis(20 + sequenceNr), event);
  }

  private static Sample hold(long sequenceNr, QualityHoldEvent event) {
    return new Sample("QualityHold", HOLD, sequenceNr, millis(sequenceNr), event);
  }
}
