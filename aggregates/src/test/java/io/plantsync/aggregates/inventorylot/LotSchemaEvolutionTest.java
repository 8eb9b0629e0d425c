package io.plantsync.aggregates.inventorylot;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.plantsync.aggregates.common.EarlierPayloads;
import io.plantsync.aggregates.common.Decision;
import io.plantsync.aggregates.common.EventMeta;
import io.plantsync.aggregates.governance.AdapterKind;
import io.plantsync.aggregates.inventorylot.InventoryLotEvent.GoodsIssued;
import io.plantsync.aggregates.inventorylot.InventoryLotEvent.MovementReversed;
import io.plantsync.aggregates.inventorylot.InventoryLotEvent.StockCounted;
import io.plantsync.aggregates.inventorylot.InventoryLotEvent.StockScrapped;
import java.time.Instant;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Lot events and snapshots written before issues could name a reservation, and before scrap and
 * count postings had their stock type's SAP code, still load and mean what they meant. The JSON
 * below is what that version wrote (as CBOR, bare class name as manifest).
 */
class LotSchemaEvolutionTest {

  static final ActorTestKit testKit = ActorTestKit.create(ConfigFactory.load());
  static final String META = """
      "meta": {"messageId": "MES-1", "adapterId": "mes-1000", "recordedAt": 1795766400.0}""";

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  private static Object readEarlier(Class<?> type, String json) throws Exception {
    return EarlierPayloads.read(testKit.system(), type, json);
  }

  @Test
  void anIssueWrittenBeforeReservationsCouldBeNamedLoadsAsAnIssueWithoutOne() throws Exception {
    Object event = readEarlier(GoodsIssued.class, "{" + META + """
        , "movementId": "MV-2", "movementType": "ISSUE_TO_ORDER", "quantity": 5, "uom": "KG",
         "storageLocation": "0001", "order": "100234"}""");
    assertThat(event).isInstanceOfSatisfying(GoodsIssued.class, e -> {
      assertThat(e.reservation()).isNull();
      assertThat(e.order()).isEqualTo("100234");
      assertThat(e.moves()).containsExactly(new StockMove("0001", StockType.UNRESTRICTED, new java.math.BigDecimal("-5")));
    });
  }

  @Test
  void aReversalWrittenBeforeReservationsCouldBeNamedLoadsWithoutAReservationChange() throws Exception {
    Object event = readEarlier(MovementReversed.class, "{" + META + """
        , "movementId": "MV-3", "movementType": "ISSUE_TO_ORDER_REVERSAL", "reversedMovementId": "MV-2",
         "reversedMovementType": "ISSUE_TO_ORDER",
         "moves": [{"storageLocation": "0001", "stockType": "UNRESTRICTED", "delta": 5}], "uom": "KG",
         "order": "100234"}""");
    assertThat(event).isInstanceOfSatisfying(MovementReversed.class, e -> assertThat(e.reservation()).isNull());
  }

  @Test
  void scrapAndCountPostingsKeepTheCodeTheyWereWrittenWith() throws Exception {
    Object scrap = readEarlier(StockScrapped.class, "{" + META + """
        , "movementId": "MV-4", "movementType": "SCRAPPING", "quantity": 2, "uom": "KG",
         "storageLocation": "0001", "stockType": "QUALITY"}""");
    assertThat(((StockScrapped) scrap).movementType().code()).isEqualTo("551");
    Object count = readEarlier(StockCounted.class, "{" + META + """
        , "countId": "C-1", "movementType": "INVENTORY_LOSS", "uom": "KG", "storageLocation": "0001",
         "stockType": "BLOCKED", "bookQuantity": 10, "countedQuantity": 9, "difference": -1}""");
    assertThat(((StockCounted) count).movementType().code()).isEqualTo("702");
  }

  @Test
  void aSnapshotWithMovementsPostedBeforeReservationsCouldBeNamedLoadsAndItsIssueReversesAsBefore()
      throws Exception {
    Object loaded = readEarlier(InventoryLotState.class, """
        {"plant": "1000", "material": "RM-7", "batch": "B1", "uom": "KG",
         "stock": {"buckets": [{"storageLocation": "0001", "stockType": "UNRESTRICTED", "quantity": 5}]},
         "reservations": {"RS-1": {"quantity": 3, "order": "100234"}},
         "movements": {"MV-2": {"movementType": "ISSUE_TO_ORDER",
                                "moves": [{"storageLocation": "0001", "stockType": "UNRESTRICTED", "delta": -5}],
                                "order": "100234", "reversalOf": null, "reversedBy": null}},
         "holds": [], "version": 3,
         "processed": {"byMessageId": {}, "messageIdsOldestFirst": [], "byBusinessKey": {}}}""");
    assertThat(loaded).isInstanceOf(InventoryLotState.class);
    InventoryLotState state = (InventoryLotState) loaded;
    assertThat(state.movements().get("MV-2").reservation()).isNull();

    var reversal = state.decide(new InventoryLotCommand.Reverse(LotCommands.from(AdapterKind.ERP, "ERP-1"), "MV-3",
        "MV-2", null), EventMeta.of(LotCommands.from(AdapterKind.ERP, "ERP-1"), Instant.EPOCH));
    assertThat(reversal).isInstanceOfSatisfying(Decision.Persist.class, persist -> {
      MovementReversed event = (MovementReversed) persist.event();
      assertThat(event.reservation()).isNull();
      assertThat(state.apply(event, 100).reservations()).isEqualTo(state.reservations());
    });
  }
}
