package io.plantsync.aggregates.inventorylot;

import static io.plantsync.aggregates.governance.AdapterKind.*;
import static io.plantsync.aggregates.inventorylot.LotCommands.*;
import static io.plantsync.aggregates.inventorylot.StockType.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.plantsync.aggregates.AggregateSettings;
import io.plantsync.aggregates.common.CommandReply;
import io.plantsync.aggregates.common.CommandReply.Accepted;
import io.plantsync.aggregates.common.CommandReply.Outcome;
import io.plantsync.aggregates.common.CommandReply.Rejected;
import io.plantsync.aggregates.common.ErrorCode;
import io.plantsync.aggregates.common.UsageDecision;
import io.plantsync.aggregates.governance.AdapterKind;
import io.plantsync.aggregates.inventorylot.InventoryLotCommand.Get;
import io.plantsync.aggregates.inventorylot.InventoryLotEvent.*;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InventoryLotTest {

  static final ActorTestKit testKit =
      ActorTestKit.create(EventSourcedBehaviorTestKit.config().withFallback(ConfigFactory.load()));

  static final AggregateSettings settings = AggregateSettings.fromConfig(ConfigFactory.load());

  /** Every command, event and state must also come back equal from CBOR, not merely deserialise. */
  static final EventSourcedBehaviorTestKit.SerializationSettings cborRoundTrip =
      EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyEquality(true);

  EventSourcedBehaviorTestKit<InventoryLotCommand, InventoryLotEvent, InventoryLotState> lot;

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void freshLot() {
    lot = lotWith(settings);
  }

  private static EventSourcedBehaviorTestKit<InventoryLotCommand, InventoryLotEvent, InventoryLotState> lotWith(
      AggregateSettings lotSettings) {
    var kit = EventSourcedBehaviorTestKit.<InventoryLotCommand, InventoryLotEvent, InventoryLotState>create(
        testKit.system(), InventoryLot.create(LOT, lotSettings, Clock.systemUTC()), cborRoundTrip);
    kit.clear();
    return kit;
  }

  private CommandResultWithReply<InventoryLotCommand, InventoryLotEvent, InventoryLotState, CommandReply> send(
      Function<ActorRef<CommandReply>, InventoryLotCommand> cmd) {
    return lot.runCommand(cmd);
  }

  private void received(String quantity, String location) {
    received(quantity, location, UNRESTRICTED);
  }

  private void received(String quantity, String location, StockType type) {
    var result = send(r -> receive(from(WMS, "W-R-" + lot.getState().version()),
        "MV-R-" + lot.getState().version(), quantity, "KG", location, type, r));
    assertThat(result.event()).isInstanceOf(GoodsReceived.class);
  }

  /** Refused with {@code code} and exactly {@code detail}: the one message of the rule. */
  private static void assertRejected(CommandResultWithReply<?, ?, ?, CommandReply> result, ErrorCode code,
      String detail) {
    assertRejected(result, code);
    assertThat(((Rejected) result.reply()).detail()).isEqualTo(detail);
  }

  private static void assertRejected(CommandResultWithReply<?, ?, ?, CommandReply> result, ErrorCode code) {
    assertThat(result.reply()).isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo(code));
    assertThat(result.hasNoEvents()).isTrue();
  }

  private static void assertDuplicateOf(
      CommandResultWithReply<?, ?, ?, CommandReply> first, CommandResultWithReply<?, ?, ?, CommandReply> again) {
    assertThat(again.reply()).isEqualTo(((Accepted) first.reply()).asDuplicate());
    assertThat(again.hasNoEvents()).isTrue();
    assertThat(again.state()).isEqualTo(first.state());
  }

  @Nested
  class Receive {
    @Test
    void theFirstReceiptCreatesTheLotInItsBaseUnit() {
      var result = send(r -> new InventoryLotCommand.Receive(from(ERP, "E-1"), "MV-1", qty("10"), "KG", "0001",
          null, "100234", r));
      assertThat(result.reply()).isEqualTo(new Accepted(Outcome.APPLIED, false, 1, List.of("GoodsReceived")));
      assertThat(result.event()).isEqualTo(new GoodsReceived(result.event().meta(), "MV-1",
          MovementType.GOODS_RECEIPT, qty("10"), "KG", "0001", UNRESTRICTED, "100234"));
      InventoryLotState state = result.state();
      assertThat(state.exists()).isTrue();
      assertThat(state.uom()).isEqualTo("KG");
      assertThat(state.quantity("0001", UNRESTRICTED)).isEqualByComparingTo("10");
      assertThat(state.atp()).isEqualByComparingTo("10");
      assertThat(List.of(state.plant(), state.material(), state.batch())).containsExactly(PLANT, MATERIAL, BATCH);
    }

    @Test
    void intoQualityStockIsNotAvailableToPromise() {
      received("10", "0001", QUALITY);
      assertThat(lot.getState().total(QUALITY)).isEqualByComparingTo("10");
      assertThat(lot.getState().atp()).isEqualByComparingTo("0");
    }

    @Test
    void inAnotherUnitIsAUomMismatch() {
      received("10", "0001");
      assertRejected(send(r -> receive(from(WMS, "W-2"), "MV-2", "3", "EA", "0001", null, r)), ErrorCode.UOM_MISMATCH);
    }

    @Test
    void quantitiesAddUpToOneCanonicalValue() {
      send(r -> receive(from(WMS, "W-1"), "MV-1", "5.500", "0001", r));
      var result = send(r -> receive(from(WMS, "W-2"), "MV-2", "4.5", "0001", r));
      // equals, not compareTo: the stored form is what recovery must reproduce exactly
      assertThat(result.state().stock().buckets())
          .containsExactly(new StockBucket("0001", UNRESTRICTED, new BigDecimal("10")));
    }

    @Test
    void aNonPositiveQuantityIsAnInvalidRequest() {
      assertRejected(send(r -> receive(from(WMS, "W-1"), "MV-1", "0", "0001", r)), ErrorCode.INVALID_REQUEST,
          "quantity must be > 0");
      assertRejected(send(r -> receive(from(WMS, "W-2"), "MV-2", "-1", "0001", r)), ErrorCode.INVALID_REQUEST,
          "quantity must be > 0");
    }
  }

  @Nested
  class Issue {
    @Test
    void toAnOrderIs261AndWithoutOneIs201() {
      received("10", "0001");
      var toOrder = send(r -> issue(from(MES, "M-1"), "MV-2", "3", "0001", "100234", r));
      assertThat(toOrder.event()).isInstanceOfSatisfying(GoodsIssued.class, e -> {
        assertThat(e.movementType().code()).isEqualTo("261");
        assertThat(e.uom()).isEqualTo("KG");
        assertThat(e.order()).isEqualTo("100234");
      });
      var toCostCenter = send(r -> issue(from(WMS, "W-3"), "MV-3", "2", "0001", null, r));
      assertThat(toCostCenter.event()).isInstanceOfSatisfying(GoodsIssued.class,
          e -> assertThat(e.movementType().code()).isEqualTo("201"));
      assertThat(toCostCenter.state().quantity("0001", UNRESTRICTED)).isEqualByComparingTo("5");
    }

    @Test
    void moreThanTheBucketHoldsIsInsufficientStock() {
      received("10", "0001");
      received("10", "0002");
      var result = send(r -> issue(from(MES, "M-1"), "MV-2", "10.001", "0001", null, r));
      assertRejected(result, ErrorCode.INSUFFICIENT_STOCK);
      assertThat(((Rejected) result.reply()).detail()).contains("0001", "10 available", "10.001 required");
    }

    @Test
    void onlyUnrestrictedStockCanBeIssued() {
      received("10", "0001", QUALITY);
      assertRejected(send(r -> issue(from(MES, "M-1"), "MV-2", "1", "0001", null, r)), ErrorCode.INSUFFICIENT_STOCK);
    }

    @Test
    void onALotNeverReceivedIsUnknownObject() {
      assertRejected(send(r -> issue(from(MES, "M-1"), "MV-1", "1", "0001", null, r)), ErrorCode.UNKNOWN_OBJECT);
    }

    @Test
    void takesStockThatIsReservedButAtpNeverGoesNegative() {
      received("10", "0001");
      send(r -> reserve(from(ERP, "E-1"), "RS-1", "8", "100234", r));
      var result = send(r -> issue(from(MES, "M-1"), "MV-2", "5", "0001", null, r));
      assertThat(result.state().reserved()).isEqualByComparingTo("8");
      assertThat(result.state().atp()).isEqualByComparingTo("0");
    }
  }

  @Nested
  class Transfer {
    @Test
    void movesUnrestrictedStockBetweenStorageLocationsAs311() {
      received("10", "0001");
      var result = send(r -> transfer(from(WMS, "W-1"), "MV-2", "4", "0001", "0002", r));
      assertThat(result.event()).isInstanceOfSatisfying(StockTransferred.class,
          e -> assertThat(e.movementType().code()).isEqualTo("311"));
      assertThat(result.state().quantity("0001", UNRESTRICTED)).isEqualByComparingTo("6");
      assertThat(result.state().quantity("0002", UNRESTRICTED)).isEqualByComparingTo("4");
    }

    @Test
    void moreThanTheSourceHoldsIsInsufficientStock() {
      received("3", "0001");
      assertRejected(send(r -> transfer(from(WMS, "W-1"), "MV-2", "4", "0001", "0002", r)),
          ErrorCode.INSUFFICIENT_STOCK);
    }

    @Test
    void withinOneStorageLocationIsAnInvalidRequest() {
      received("3", "0001");
      assertRejected(send(r -> transfer(from(WMS, "W-1"), "MV-2", "1", "0001", "0001", r)), ErrorCode.INVALID_REQUEST,
          "toStorageLocation must differ from fromStorageLocation (both are 0001): a transfer moves stock between "
              + "two storage locations");
    }

    @Test
    void isOwnedByWmsOnly() {
      received("3", "0001");
      assertRejected(send(r -> transfer(from(MES, "M-1"), "MV-2", "1", "0001", "0002", r)),
          ErrorCode.NOT_SYSTEM_OF_RECORD);
    }
  }

  @Nested
  class ChangeStockType {
    @Test
    void eachDirectionPostsItsSapMovementType() {
      record Direction(StockType from, StockType to, String code) {}
      List<Direction> directions = List.of(
          new Direction(QUALITY, UNRESTRICTED, "321"), new Direction(UNRESTRICTED, QUALITY, "322"),
          new Direction(BLOCKED, UNRESTRICTED, "343"), new Direction(UNRESTRICTED, BLOCKED, "344"),
          new Direction(BLOCKED, QUALITY, "349"), new Direction(QUALITY, BLOCKED, "350"));
      for (Direction d : directions) {
        String location = "L-" + d.code();
        received("10", location, d.from());
        var result = send(r -> change(from(QMS, "Q-" + d.code()), "MV-" + d.code(), "4", location, d.from(), d.to(), r));
        assertThat(result.event()).isInstanceOfSatisfying(StockTypeChanged.class,
            e -> assertThat(e.movementType().code()).isEqualTo(d.code()));
        assertThat(result.state().quantity(location, d.from())).isEqualByComparingTo("6");
        assertThat(result.state().quantity(location, d.to())).isEqualByComparingTo("4");
      }
    }

    @Test
    void toTheSameStockTypeIsAnInvalidRequest() {
      received("10", "0001");
      assertRejected(send(r -> change(from(QMS, "Q-1"), "MV-2", "1", "0001", UNRESTRICTED, UNRESTRICTED, r)),
          ErrorCode.INVALID_REQUEST,
          "to must differ from from (both are UNRESTRICTED): a stock type change moves stock between two stock types");
    }

    @Test
    void moreThanTheSourceStockTypeHoldsIsInsufficientStock() {
      received("10", "0001");
      assertRejected(send(r -> change(from(WMS, "W-1"), "MV-2", "1", "0001", QUALITY, UNRESTRICTED, r)),
          ErrorCode.INSUFFICIENT_STOCK);
    }
  }

  @Nested
  class Scrap {
    @Test
    void postsTheSapScrapTypeOfTheStockTypeScrapped551553555() {
      received("10", "0001", UNRESTRICTED);
      received("10", "0001", QUALITY);
      received("10", "0001", BLOCKED);
      List<String> codes = new ArrayList<>();
      for (StockType type : StockType.values()) {
        var result = send(r -> scrap(from(QMS, "Q-" + type), "MV-S-" + type, "2.25", "0001", type, r));
        codes.add(((StockScrapped) result.event()).movementType().code());
        assertThat(result.state().quantity("0001", type)).isEqualByComparingTo("7.75");
      }
      assertThat(codes).containsExactly("551", "553", "555");
    }

    @Test
    void reversingAScrapPostsItsOwnReversalType552554556AndRestoresTheStockType() {
      for (StockType type : StockType.values()) received("10", "0002", type);
      InventoryLotState before = lot.getState();
      List<String> codes = new ArrayList<>();
      for (StockType type : StockType.values()) {
        send(r -> scrap(from(QMS, "Q-" + type), "MV-S-" + type, "4", "0002", type, r));
        var reversal = send(r -> reverse(from(ERP, "E-" + type), "MV-RS-" + type, "MV-S-" + type, r));
        codes.add(((MovementReversed) reversal.event()).movementType().code());
      }
      assertThat(codes).containsExactly("552", "554", "556");
      assertThat(lot.getState().stock()).isEqualTo(before.stock());
    }

    @Test
    void moreThanTheBucketHoldsIsInsufficientStock() {
      received("1", "0001");
      assertRejected(send(r -> scrap(from(WMS, "W-1"), "MV-2", "2", "0001", UNRESTRICTED, r)),
          ErrorCode.INSUFFICIENT_STOCK);
    }
  }

  @Nested
  class Count {
    @Test
    void aGainIsPostedAs701AndALossAs702() {
      received("10", "0001");
      var gain = send(r -> count(from(WMS, "W-1"), "C-1", "0001", UNRESTRICTED, "12.5", r));
      assertThat(gain.event()).isInstanceOfSatisfying(StockCounted.class, e -> {
        assertThat(e.movementType().code()).isEqualTo("701");
        assertThat(e.bookQuantity()).isEqualByComparingTo("10");
        assertThat(e.difference()).isEqualByComparingTo("2.5");
      });
      var loss = send(r -> count(from(ERP, "E-2"), "C-2", "0001", UNRESTRICTED, "3", r));
      assertThat(loss.event()).isInstanceOfSatisfying(StockCounted.class,
          e -> assertThat(e.movementType().code()).isEqualTo("702"));
      assertThat(loss.state().quantity("0001", UNRESTRICTED)).isEqualByComparingTo("3");
    }

    @Test
    void qualityAndBlockedStockDifferencesPost703704And707708() {
      received("10", "0001", QUALITY);
      received("10", "0001", BLOCKED);
      List<String> codes = new ArrayList<>();
      for (String counted : List.of("11", "9")) {
        for (StockType type : List.of(QUALITY, BLOCKED)) {
          var result = send(r -> count(from(WMS, "W-" + type + counted), "C-" + type + counted, "0001", type, counted, r));
          codes.add(((StockCounted) result.event()).movementType().code());
          assertThat(result.state().quantity("0001", type)).isEqualByComparingTo(counted);
        }
      }
      assertThat(codes).containsExactly("703", "707", "704", "708");
      assertThat(lot.getState().total(UNRESTRICTED)).isEqualByComparingTo("0");
    }

    @Test
    void aCountThatMatchesTheBookIsStillRecorded() {
      received("10", "0001");
      var result = send(r -> count(from(WMS, "W-1"), "C-1", "0001", UNRESTRICTED, "10", r));
      assertThat(result.event()).isInstanceOfSatisfying(StockCounted.class, e -> {
        assertThat(e.movementType()).isNull();
        assertThat(e.difference()).isEqualByComparingTo("0");
      });
      assertThat(result.state().quantity("0001", UNRESTRICTED)).isEqualByComparingTo("10");
      assertThat(result.state().version()).isEqualTo(2);
    }

    @Test
    void countingZeroEmptiesTheBucket() {
      received("10", "0001");
      var result = send(r -> count(from(WMS, "W-1"), "C-1", "0001", UNRESTRICTED, "0", r));
      assertThat(result.state().stock().buckets()).isEmpty();
    }

    @Test
    void aRepeatedCountIdIsADuplicate() {
      received("10", "0001");
      var first = send(r -> count(from(WMS, "W-1"), "C-1", "0001", UNRESTRICTED, "9", r));
      assertDuplicateOf(first, send(r -> count(from(WMS, "W-2"), "C-1", "0001", UNRESTRICTED, "7", r)));
    }
  }

  @Nested
  class Reverse {
    @Test
    void aReversedReceiptTakesExactlyItsStockBackAs102() {
      send(r -> new InventoryLotCommand.Receive(from(ERP, "E-1"), "MV-1", qty("10"), "KG", "0001", QUALITY,
          "100234", r));
      received("5", "0001");
      var result = send(r -> reverse(from(ERP, "E-2"), "MV-9", "MV-1", r));
      assertThat(result.event()).isInstanceOfSatisfying(MovementReversed.class, e -> {
        assertThat(e.movementType().code()).isEqualTo("102");
        assertThat(e.reversedMovementType()).isEqualTo(MovementType.GOODS_RECEIPT);
        assertThat(e.moves()).containsExactly(new StockMove("0001", QUALITY, qty("-10")));
        assertThat(e.order()).isEqualTo("100234");
      });
      assertThat(result.state().total(QUALITY)).isEqualByComparingTo("0");
      assertThat(result.state().total(UNRESTRICTED)).isEqualByComparingTo("5");
      assertThat(result.state().movements().get("MV-1").reversedBy()).isEqualTo("MV-9");
    }

    @Test
    void eachMovementIsReversedWithItsSapReversalType() {
      received("20", "0001");
      send(r -> issue(from(MES, "M-1"), "MV-ISS", "2", "0001", "100234", r));
      send(r -> transfer(from(WMS, "W-1"), "MV-TRF", "3", "0001", "0002", r));
      send(r -> change(from(QMS, "Q-1"), "MV-CHG", "4", "0001", UNRESTRICTED, QUALITY, r));
      send(r -> scrap(from(WMS, "W-2"), "MV-SCR", "1", "0001", UNRESTRICTED, r));
      InventoryLotState before = lot.getState();
      List<String> codes = new ArrayList<>();
      for (String movement : List.of("MV-ISS", "MV-TRF", "MV-CHG", "MV-SCR")) {
        var result = send(r -> reverse(from(ERP, "E-" + movement), "REV-" + movement, movement, r));
        codes.add(((MovementReversed) result.event()).movementType().code());
      }
      assertThat(codes).containsExactly("262", "312", "321", "552");
      assertThat(lot.getState().stock()).isEqualTo(before.stock().plus(List.of(
          new StockMove("0001", UNRESTRICTED, qty("10")), new StockMove("0002", UNRESTRICTED, qty("-3")),
          new StockMove("0001", QUALITY, qty("-4")))));
      assertThat(lot.getState().quantity("0001", UNRESTRICTED)).isEqualByComparingTo("20");
    }

    @Test
    void anUnknownMovementIsAnInvalidTransition() {
      received("10", "0001");
      var result = send(r -> reverse(from(ERP, "E-1"), "MV-9", "MV-404", r));
      assertRejected(result, ErrorCode.INVALID_TRANSITION);
      assertThat(((Rejected) result.reply()).detail()).contains("no goods movement MV-404");
    }

    @Test
    void aMovementCanBeReversedOnlyOnce() {
      received("10", "0001");
      send(r -> issue(from(MES, "M-1"), "MV-2", "1", "0001", null, r));
      send(r -> reverse(from(ERP, "E-1"), "MV-3", "MV-2", r));
      var again = send(r -> reverse(from(ERP, "E-2"), "MV-4", "MV-2", r));
      assertRejected(again, ErrorCode.INVALID_TRANSITION);
      assertThat(((Rejected) again.reply()).detail()).contains("already reversed by movement MV-3");
    }

    @Test
    void aReversalCannotItselfBeReversed() {
      received("10", "0001");
      send(r -> issue(from(MES, "M-1"), "MV-2", "1", "0001", null, r));
      send(r -> reverse(from(ERP, "E-1"), "MV-3", "MV-2", r));
      assertRejected(send(r -> reverse(from(ERP, "E-2"), "MV-4", "MV-3", r)), ErrorCode.INVALID_TRANSITION);
    }

    @Test
    void aReversalThatWouldMakeABucketNegativeIsInsufficientStock() {
      send(r -> receive(from(WMS, "W-1"), "MV-1", "10", "0001", r));
      send(r -> issue(from(MES, "M-1"), "MV-2", "8", "0001", null, r));
      assertRejected(send(r -> reverse(from(ERP, "E-1"), "MV-3", "MV-1", r)), ErrorCode.INSUFFICIENT_STOCK);
    }

    @Test
    void isOwnedByErpOnly() {
      send(r -> receive(from(WMS, "W-1"), "MV-1", "10", "0001", r));
      assertRejected(send(r -> reverse(from(WMS, "W-2"), "MV-2", "MV-1", r)), ErrorCode.NOT_SYSTEM_OF_RECORD);
    }
  }

  @Nested
  class Reservations {
    @Test
    void aReservationLowersAtpAndItsReleaseRestoresIt() {
      received("10", "0001");
      var reserved = send(r -> reserve(from(PLANNING, "P-1"), "RS-1", "4", "100234", r));
      assertThat(reserved.event()).isInstanceOf(StockReserved.class);
      assertThat(reserved.state().atp()).isEqualByComparingTo("6");
      var released = send(r -> release(from(ERP, "E-1"), "RS-1", r));
      assertThat(released.event()).isInstanceOfSatisfying(ReservationReleased.class, e -> {
        assertThat(e.quantity()).isEqualByComparingTo("4");
        assertThat(e.order()).isEqualTo("100234");
      });
      assertThat(released.state().atp()).isEqualByComparingTo("10");
    }

    @Test
    void moreThanAtpIsInsufficientStock() {
      received("10", "0001");
      received("5", "0002", QUALITY);
      send(r -> reserve(from(ERP, "E-1"), "RS-1", "7", "100234", r));
      assertRejected(send(r -> reserve(from(ERP, "E-2"), "RS-2", "3.001", "100235", r)), ErrorCode.INSUFFICIENT_STOCK);
      assertThat(send(r -> reserve(from(ERP, "E-3"), "RS-3", "3", "100235", r)).state().atp()).isEqualByComparingTo("0");
    }

    @Test
    void releasingAnUnknownReservationIsAnInvalidTransition() {
      received("10", "0001");
      assertRejected(send(r -> release(from(ERP, "E-1"), "RS-404", r)), ErrorCode.INVALID_TRANSITION);
    }

    @Test
    void anIssueNamingAReservationWithdrawsFromItForItsOrderAndTheLastUnitClosesIt() {
      received("10", "0001");
      send(r -> reserve(from(PLANNING, "P-1"), "RS-1", "6", "100234", r));
      var first = send(r -> issueReserved(from(MES, "M-1"), "MV-2", "2.5", "0001", "RS-1", false, r));
      assertThat(first.event()).isInstanceOfSatisfying(GoodsIssued.class, e -> {
        assertThat(e.movementType().code()).isEqualTo("261");
        assertThat(e.order()).isEqualTo("100234");
        assertThat(e.reservation()).isEqualTo(new ReservationChange("RS-1", "100234", qty("-2.5"), qty("3.5")));
      });
      assertThat(first.state().reservations().get("RS-1").quantity()).isEqualByComparingTo("3.5");
      assertThat(first.state().atp()).isEqualByComparingTo("4");
      var last = send(r -> issueReserved(from(MES, "M-2"), "MV-3", "3.5", "0001", "RS-1", false, r));
      assertThat(((GoodsIssued) last.event()).reservation().closes()).isTrue();
      assertThat(last.state().reservations()).isEmpty();
      assertThat(last.state().atp()).isEqualByComparingTo("4");
    }

    @Test
    void anIssueAboveTheOpenQuantityIsRefusedUnlessItIsTheFinalIssue() {
      received("10", "0001");
      send(r -> reserve(from(PLANNING, "P-1"), "RS-1", "3", "100234", r));
      var over = send(r -> issueReserved(from(MES, "M-1"), "MV-2", "3.001", "0001", "RS-1", false, r));
      assertRejected(over, ErrorCode.RESERVATION_EXCEEDED);
      assertThat(((Rejected) over.reply()).detail()).contains("open quantity is 3", "finalIssue");
      var finalIssue = send(r -> issueReserved(from(MES, "M-2"), "MV-3", "5", "0001", "RS-1", true, r));
      assertThat(((GoodsIssued) finalIssue.event()).reservation())
          .isEqualTo(new ReservationChange("RS-1", "100234", qty("-3"), BigDecimal.ZERO));
      assertThat(finalIssue.state().reservations()).isEmpty();
      assertThat(finalIssue.state().total(UNRESTRICTED)).isEqualByComparingTo("5");
    }

    @Test
    void aFinalIssueClosesTheReservationWhateverRemains() {
      received("10", "0001");
      send(r -> reserve(from(PLANNING, "P-1"), "RS-1", "6", "100234", r));
      var result = send(r -> issueReserved(from(MES, "M-1"), "MV-2", "1", "0001", "RS-1", true, r));
      assertThat(result.state().reservations()).isEmpty();
      assertThat(result.state().atp()).isEqualByComparingTo("9");
    }

    @Test
    void anUnknownOrClosedReservationOrAnotherOrderIsRefused() {
      received("10", "0001");
      assertRejected(send(r -> issueReserved(from(MES, "M-1"), "MV-2", "1", "0001", "RS-404", false, r)),
          ErrorCode.INVALID_TRANSITION);
      send(r -> reserve(from(PLANNING, "P-1"), "RS-1", "2", "100234", r));
      assertRejected(send(r -> new InventoryLotCommand.Issue(from(MES, "M-2"), "MV-3", qty("1"), "0001", "100235",
          "RS-1", false, r)), ErrorCode.INVALID_REQUEST);
      send(r -> issueReserved(from(MES, "M-3"), "MV-4", "2", "0001", "RS-1", false, r));
      assertRejected(send(r -> issueReserved(from(MES, "M-4"), "MV-5", "1", "0001", "RS-1", false, r)),
          ErrorCode.INVALID_TRANSITION);
      assertRejected(send(r -> new InventoryLotCommand.Issue(from(MES, "M-5"), "MV-6", qty("1"), "0001", null,
          null, true, r)), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void reversingAnIssueGivesItsWithdrawalBackEvenToTheReservationItClosed() {
      received("10", "0001");
      send(r -> reserve(from(PLANNING, "P-1"), "RS-1", "6", "100234", r));
      InventoryLotState reserved = lot.getState();
      send(r -> issueReserved(from(MES, "M-1"), "MV-2", "2", "0001", "RS-1", false, r));
      send(r -> issueReserved(from(MES, "M-2"), "MV-3", "1", "0001", "RS-1", true, r));
      var undoFinal = send(r -> reverse(from(ERP, "E-1"), "MV-4", "MV-3", r));
      assertThat(((MovementReversed) undoFinal.event()).reservation())
          .isEqualTo(new ReservationChange("RS-1", "100234", qty("4"), qty("4")));
      var undoFirst = send(r -> reverse(from(ERP, "E-2"), "MV-5", "MV-2", r));
      assertThat(((MovementReversed) undoFirst.event()).movementType().code()).isEqualTo("262");
      assertThat(undoFirst.state().reservations()).isEqualTo(reserved.reservations());
      assertThat(undoFirst.state().stock()).isEqualTo(reserved.stock());
      assertThat(undoFirst.state().atp()).isEqualByComparingTo(reserved.atp());
    }

    @Test
    void reversingAnIssueAfterItsReservationWasReleasedGivesNothingBack() {
      received("10", "0001");
      send(r -> reserve(from(PLANNING, "P-1"), "RS-1", "6", "100234", r));
      send(r -> issueReserved(from(MES, "M-1"), "MV-2", "2", "0001", "RS-1", false, r));
      send(r -> release(from(ERP, "E-1"), "RS-1", r));
      var reversal = send(r -> reverse(from(ERP, "E-2"), "MV-3", "MV-2", r));
      assertThat(((MovementReversed) reversal.event()).reservation()).isNull();
      assertThat(reversal.state().reservations()).isEmpty();
      assertThat(reversal.state().atp()).isEqualByComparingTo("10");
    }

    @Test
    void aRepeatedReservationIdIsADuplicate() {
      received("10", "0001");
      var first = send(r -> reserve(from(ERP, "E-1"), "RS-1", "4", "100234", r));
      assertDuplicateOf(first, send(r -> reserve(from(PLANNING, "P-9"), "RS-1", "5", "100234", r)));
      var released = send(r -> release(from(ERP, "E-2"), "RS-1", r));
      assertDuplicateOf(released, send(r -> release(from(ERP, "E-3"), "RS-1", r)));
    }
  }

  @Nested
  class Holds {
    private void held(String holdNumber) {
      assertThat(send(r -> hold("H-" + holdNumber, holdNumber, r)).event()).isInstanceOf(LotPlacedOnHold.class);
    }

    @Test
    void whileHeldIssueTransferAndReserveAreRefusedAndAtpIsZero() {
      received("10", "0001");
      held("QN-1");
      assertThat(lot.getState().atp()).isEqualByComparingTo("0");
      assertRejected(send(r -> issue(from(MES, "M-1"), "MV-2", "1", "0001", null, r)), ErrorCode.OBJECT_ON_HOLD);
      assertRejected(send(r -> transfer(from(WMS, "W-1"), "MV-3", "1", "0001", "0002", r)), ErrorCode.OBJECT_ON_HOLD);
      assertRejected(send(r -> reserve(from(ERP, "E-1"), "RS-1", "1", "100234", r)), ErrorCode.OBJECT_ON_HOLD);
    }

    @Test
    void whileHeldStockCanStillBeReceivedCountedScrappedRetypedAndReversed() {
      send(r -> reserve(from(ERP, "E-0"), "RS-0", "1", "100234", r)); // unknown lot yet: rejected
      received("10", "0001");
      send(r -> reserve(from(ERP, "E-1"), "RS-1", "1", "100234", r));
      held("QN-1");
      List<Function<ActorRef<CommandReply>, InventoryLotCommand>> allowed = List.of(
          r -> receive(from(WMS, "W-1"), "MV-2", "5", "0001", r),
          r -> change(from(QMS, "Q-1"), "MV-3", "2", "0001", UNRESTRICTED, QUALITY, r),
          r -> scrap(from(QMS, "Q-2"), "MV-4", "1", "0001", UNRESTRICTED, r),
          r -> count(from(WMS, "W-2"), "C-1", "0001", QUALITY, "2", r),
          r -> reverse(from(ERP, "E-2"), "MV-5", "MV-4", r),
          r -> release(from(ERP, "E-3"), "RS-1", r));
      for (var cmd : allowed) {
        assertThat(send(cmd).reply()).isInstanceOf(Accepted.class);
      }
      assertThat(lot.getState().quantity("0001", UNRESTRICTED)).isEqualByComparingTo("13");
      assertThat(lot.getState().held()).isTrue();
    }

    @Test
    void placingAHoldTheLotAlreadyHasIsADuplicate() {
      received("10", "0001");
      var first = send(r -> hold("H-1", "QN-1", r));
      assertDuplicateOf(first, send(r -> hold("H-1-again", "QN-1", r)));
    }

    @Test
    void aHoldCanNameALotBeforeItsFirstReceipt() {
      held("QN-1");
      InventoryLotState state = lot.runCommand(Get::new).reply();
      assertThat(state.exists()).isTrue();
      assertThat(state.received()).isFalse();
      assertThat(state.uom()).isNull();
      assertThat(state.atp()).isEqualByComparingTo("0");
      var issue = send(r -> issue(from(MES, "M-1"), "MV-1", "1", "0001", null, r));
      assertRejected(issue, ErrorCode.UNKNOWN_OBJECT);
      assertThat(((Rejected) issue.reply()).detail()).contains("QN-1", "no goods receipt yet");
      assertRejected(send(r -> count(from(WMS, "W-1"), "C-1", "0001", UNRESTRICTED, "5", r)), ErrorCode.UNKNOWN_OBJECT);

      received("10", "0001");
      assertThat(lot.getState().uom()).isEqualTo("KG");
      assertThat(lot.getState().held()).isTrue();
      assertThat(lot.getState().atp()).isEqualByComparingTo("0");
    }

    @Test
    void aLotOnlyEverNamedByAReleasedHoldReadsAsNotExisting() {
      held("QN-1");
      send(r -> lift("L-1", "QN-1", UsageDecision.REJECT, r));
      assertThat(lot.runCommand(Get::new).reply().exists()).isFalse();
    }

    @Test
    void acceptLiftsTheHoldAndLeavesTheStockWhereItIs() {
      received("10", "0001");
      received("4", "0001", QUALITY);
      held("QN-1");
      var result = send(r -> lift("L-1", "QN-1", UsageDecision.ACCEPT, r));
      assertThat(result.event()).isInstanceOfSatisfying(LotReleasedFromHold.class,
          e -> assertThat(e.postings()).isEmpty());
      assertThat(result.state().held()).isFalse();
      assertThat(result.state().atp()).isEqualByComparingTo("10");
      assertThat(result.state().total(QUALITY)).isEqualByComparingTo("4");
    }

    @Test
    void rejectMovesAllUnrestrictedAndQualityStockOfEveryLocationToBlocked() {
      received("10", "0001");
      received("4", "0001", QUALITY);
      received("2.5", "0002");
      received("1", "0003", BLOCKED);
      held("QN-1");
      var result = send(r -> lift("L-1", "QN-1", UsageDecision.REJECT, r));
      assertThat(result.event()).isInstanceOfSatisfying(LotReleasedFromHold.class, e ->
          assertThat(e.postings()).containsExactlyInAnyOrder(
              new TransferToBlocked("0001", UNRESTRICTED, qty("10"), MovementType.UNRESTRICTED_TO_BLOCKED),
              new TransferToBlocked("0001", QUALITY, qty("4"), MovementType.QUALITY_TO_BLOCKED),
              new TransferToBlocked("0002", UNRESTRICTED, qty("2.5"), MovementType.UNRESTRICTED_TO_BLOCKED)));
      assertThat(result.state().stock().buckets()).containsExactly(
          new StockBucket("0001", BLOCKED, qty("14")),
          new StockBucket("0002", BLOCKED, qty("2.5")),
          new StockBucket("0003", BLOCKED, qty("1")));
      assertThat(result.state().held()).isFalse();
      assertThat(result.state().atp()).isEqualByComparingTo("0");
    }

    @Test
    void theLotStaysHeldUntilItsLastHoldIsLifted() {
      received("10", "0001");
      held("QN-1");
      held("QN-2");
      var result = send(r -> lift("L-1", "QN-1", UsageDecision.ACCEPT, r));
      assertThat(result.state().holds()).containsExactly("QN-2");
      assertRejected(send(r -> issue(from(MES, "M-1"), "MV-2", "1", "0001", null, r)), ErrorCode.OBJECT_ON_HOLD);
    }

    @Test
    void liftingAHoldTheLotDoesNotHaveIsAnInvalidTransition() {
      received("10", "0001");
      held("QN-1");
      var result = send(r -> lift("L-1", "QN-2", UsageDecision.ACCEPT, r));
      assertRejected(result, ErrorCode.INVALID_TRANSITION);
      assertThat(((Rejected) result.reply()).detail()).contains("not held by quality hold QN-2", "QN-1");
    }
  }

  @Nested
  class SystemOfRecord {
    @Test
    void everyAdapterCommandIsRefusedFromAKindThatDoesNotOwnIt() {
      received("10", "0001");
      record Attempt(AdapterKind kind, Function<ActorRef<CommandReply>, InventoryLotCommand> cmd) {}
      List<Attempt> attempts = List.of(
          new Attempt(MES, r -> receive(from(MES, "X-1"), "MV-1", "1", "0001", r)),
          new Attempt(ERP, r -> issue(from(ERP, "X-2"), "MV-2", "1", "0001", null, r)),
          new Attempt(ERP, r -> transfer(from(ERP, "X-3"), "MV-3", "1", "0001", "0002", r)),
          new Attempt(ERP, r -> change(from(ERP, "X-4"), "MV-4", "1", "0001", UNRESTRICTED, BLOCKED, r)),
          new Attempt(MES, r -> scrap(from(MES, "X-5"), "MV-5", "1", "0001", UNRESTRICTED, r)),
          new Attempt(QMS, r -> count(from(QMS, "X-6"), "C-6", "0001", UNRESTRICTED, "1", r)),
          new Attempt(ANALYTICS, r -> reverse(from(ANALYTICS, "X-7"), "MV-7", "MV-R-0", r)),
          new Attempt(WMS, r -> reserve(from(WMS, "X-8"), "RS-8", "1", "100234", r)),
          new Attempt(OPERATOR, r -> release(from(OPERATOR, "X-9"), "RS-8", r)));
      for (Attempt attempt : attempts) {
        var result = send(attempt.cmd());
        assertRejected(result, ErrorCode.NOT_SYSTEM_OF_RECORD);
        assertThat(((Rejected) result.reply()).detail()).contains(attempt.kind().name());
      }
      assertThat(lot.getState().version()).isEqualTo(1);
    }
  }

  @Nested
  class Idempotency {
    @Test
    void aRepeatedMessageIdReturnsTheFirstOutcomeAndChangesNothing() {
      var first = send(r -> receive(from(WMS, "W-1"), "MV-1", "10", "0001", r));
      assertDuplicateOf(first, send(r -> receive(from(WMS, "W-1"), "MV-2", "99", "0001", r)));
    }

    @Test
    void aRepeatedMovementIdUnderANewMessageIdIsADuplicateWhateverTheCommand() {
      received("10", "0001");
      var first = send(r -> issue(from(MES, "M-1"), "MV-2", "4", "0001", null, r));
      assertDuplicateOf(first, send(r -> issue(from(MES, "M-1-resent"), "MV-2", "4", "0001", null, r)));
      assertDuplicateOf(first, send(r -> scrap(from(WMS, "W-9"), "MV-2", "1", "0001", UNRESTRICTED, r)));
      assertThat(lot.getState().quantity("0001", UNRESTRICTED)).isEqualByComparingTo("6");
    }

    @Test
    void isRememberedAcrossRecovery() {
      var first = send(r -> receive(from(WMS, "W-1"), "MV-1", "10", "0001", r));
      lot.restart();
      var again = send(r -> receive(from(WMS, "W-2"), "MV-1", "10", "0001", r));
      assertThat(again.reply()).isEqualTo(((Accepted) first.reply()).asDuplicate());
      assertThat(again.hasNoEvents()).isTrue();
    }

    @Test
    void aRejectedMessageIsNotRememberedSoItsRetryIsJudgedAgain() {
      assertRejected(send(r -> issue(from(MES, "M-1"), "MV-2", "4", "0001", null, r)), ErrorCode.UNKNOWN_OBJECT);
      received("10", "0001");
      assertThat(send(r -> issue(from(MES, "M-1"), "MV-2", "4", "0001", null, r)).event())
          .isInstanceOf(GoodsIssued.class);
    }
  }

  @Nested
  class Recovery {
    private void aBusyLife() {
      received("10", "0001");
      received("3.5", "0002", QUALITY);
      send(r -> issue(from(MES, "M-1"), "MV-2", "2", "0001", "100234", r));
      send(r -> transfer(from(WMS, "W-1"), "MV-3", "1.25", "0001", "0002", r));
      send(r -> count(from(WMS, "W-2"), "C-1", "0002", QUALITY, "3", r));
      send(r -> reserve(from(ERP, "E-1"), "RS-1", "2", "100234", r));
      send(r -> reverse(from(ERP, "E-2"), "MV-4", "MV-2", r));
      send(r -> reserve(from(ERP, "E-3"), "RS-2", "3", "100235", r));
      send(r -> issueReserved(from(MES, "M-2"), "MV-5", "1", "0001", "RS-2", false, r));
      send(r -> issueReserved(from(MES, "M-3"), "MV-6", "0.5", "0001", "RS-2", true, r));
      send(r -> reverse(from(ERP, "E-4"), "MV-7", "MV-6", r));
      send(r -> scrap(from(QMS, "Q-1"), "MV-8", "0.5", "0002", QUALITY, r));
      send(r -> hold("H-1", "QN-1", r));
      send(r -> lift("L-1", "QN-1", UsageDecision.REJECT, r));
    }

    @Test
    void replayingTheJournalGivesTheSameState() {
      aBusyLife();
      InventoryLotState before = lot.getState();
      assertThat(before.version()).isEqualTo(14);
      assertThat(before.reservations().get("RS-2").quantity()).isEqualByComparingTo("2");
      lot.restart();
      assertThat(lot.getState()).isEqualTo(before);
    }

    @Test
    void recoveringFromASnapshotGivesTheSameState() {
      var sor = settings.systemOfRecord();
      lot = lotWith(new AggregateSettings(sor, 2, settings.tagPartitions(), settings.messageIdWindow()));
      aBusyLife();
      InventoryLotState before = lot.getState();
      var snapshots = lot.snapshotTestKit().orElseThrow().persistedInStorage("InventoryLot|" + LOT);
      assertThat(snapshots).isNotEmpty(); // so the restart below reads a snapshot, not only events
      lot.restart();
      assertThat(lot.getState()).isEqualTo(before);
    }

    @Test
    void aLotNeverReceivedReadsAsNotExisting() {
      assertThat(lot.runCommand(Get::new).reply().exists()).isFalse();
    }
  }
}
