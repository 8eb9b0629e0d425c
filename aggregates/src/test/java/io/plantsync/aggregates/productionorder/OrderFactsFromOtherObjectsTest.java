package io.plantsync.aggregates.productionorder;

import static io.plantsync.aggregates.governance.AdapterKind.*;
import static io.plantsync.aggregates.productionorder.OrderCommands.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.plantsync.aggregates.common.CommandReply.Accepted;
import io.plantsync.aggregates.common.ErrorCode;
import io.plantsync.aggregates.productionorder.ProductionOrderCommand.*;
import org.junit.jupiter.api.Test;

/** Goods receipts and quality holds reach an order through PlantSync's orchestration. */
class OrderFactsFromOtherObjectsTest extends OrderEntityTest {

  @Test
  void goodsReceiptsAddUpToPartiallyThenFullyDelivered() {
    plannedAndReleased("0010");
    var partial = send(r -> goodsReceipt("5000001", "40", r));
    assertThat(partial.state().deliveredQuantity()).isEqualByComparingTo("40");
    assertThat(partial.state().deliveryStatus()).isEqualTo(DeliveryStatus.PARTIALLY_DELIVERED);
    assertThat(partial.state().status()).isEqualTo(OrderStatus.RELEASED);

    var full = send(r -> goodsReceipt("5000002", "60", r));
    assertThat(full.state().deliveryStatus()).isEqualTo(DeliveryStatus.DELIVERED);
    assertThat(full.state().deliveryStatus().sapStatus()).isEqualTo("DLV");
  }

  @Test
  void aRepeatedGoodsReceiptCountsOnce() {
    plannedAndReleased("0010");
    send(r -> goodsReceipt("5000001", "40", r));
    var again = send(r -> new RecordGoodsReceipt(plantsync("replayed"), "1000/FG-100/B1", "5000001",
        new java.math.BigDecimal("40"), "EA", r));
    assertThat(again.reply()).isInstanceOfSatisfying(Accepted.class, a -> assertThat(a.duplicate()).isTrue());
    assertThat(again.state().deliveredQuantity()).isEqualByComparingTo("40");
  }

  @Test
  void aConfirmedOrderBecomesDeliveredWhenTheLastGoodsArrive() {
    plannedAndReleased("0010");
    send(r -> confirm(from(MES, "M-1"), "C-1", "0010", "100", true, r));
    assertThat(send(r -> goodsReceipt("5000001", "100", r)).state().status()).isEqualTo(OrderStatus.DELIVERED);
    assertThat(send(r -> new Complete(from(ERP, "E-2"), r)).state().status()).isEqualTo(OrderStatus.TECHNICALLY_COMPLETE);
  }

  @Test
  void aReversedGoodsReceiptLowersTheDeliveredQuantityAndADeliveredOrderIsConfirmedAgain() {
    plannedAndReleased("0010");
    send(r -> confirm(from(MES, "M-1"), "C-1", "0010", "100", true, r));
    send(r -> goodsReceipt("5000001", "60", r));
    assertThat(send(r -> goodsReceipt("5000002", "40", r)).state().status()).isEqualTo(OrderStatus.DELIVERED);

    var reversed = send(r -> goodsReceiptReversal("5000003", "5000002", "40", r));
    assertThat(reversed.event()).isInstanceOfSatisfying(ProductionOrderEvent.GoodsReceiptReversed.class, e -> {
      assertThat(e.reversedMovementId()).isEqualTo("5000002");
      assertThat(e.deliveredQuantity()).isEqualByComparingTo("60");
      assertThat(e.resultingStatus()).isEqualTo(OrderStatus.CONFIRMED);
    });
    assertThat(reversed.state().deliveredQuantity()).isEqualByComparingTo("60");
    assertThat(reversed.state().deliveryStatus().sapStatus()).isEqualTo("PDLV");
    assertThat(reversed.state().status()).isEqualTo(OrderStatus.CONFIRMED);

    var undoneAll = send(r -> goodsReceiptReversal("5000004", "5000001", "60", r));
    assertThat(undoneAll.state().deliveryStatus()).isEqualTo(DeliveryStatus.NOT_DELIVERED);
  }

  @Test
  void aRedeliveredReversalTakesItsQuantityOffOnce() {
    plannedAndReleased("0010");
    send(r -> goodsReceipt("5000001", "40", r));
    send(r -> goodsReceiptReversal("5000002", "5000001", "40", r));
    var again = send(r -> new RecordGoodsReceiptReversal(plantsync("replayed"), "1000/FG-100/B1", "5000002", "5000001",
        new java.math.BigDecimal("40"), "EA", r));
    assertThat(again.reply()).isInstanceOfSatisfying(Accepted.class, a -> assertThat(a.duplicate()).isTrue());
    assertThat(again.state().deliveredQuantity()).isEqualByComparingTo("0");
  }

  @Test
  void aReversalOfMoreThanWasDeliveredOrInAnotherUnitIsRefused() {
    plannedAndReleased("0010");
    send(r -> goodsReceipt("5000001", "40", r));
    assertRejected(send(r -> goodsReceiptReversal("5000002", "5000009", "40.001", r)), ErrorCode.INVALID_TRANSITION);
    assertRejected(send(r -> new RecordGoodsReceiptReversal(plantsync("x"), "1000/FG-100/B1", "5000003", "5000001",
        java.math.BigDecimal.ONE, "KG", r)), ErrorCode.UOM_MISMATCH);
  }

  @Test
  void aGoodsReceiptInAnotherUnitIsRefused() {
    plannedAndReleased("0010");
    assertRejected(send(r -> new RecordGoodsReceipt(plantsync("x"), "1000/FG-100/B1", "5000009",
        java.math.BigDecimal.ONE, "KG", r)), ErrorCode.UOM_MISMATCH);
  }

  @Test
  void aHeldOrderRefusesConfirmationsUntilEveryHoldIsReleased() {
    plannedAndReleased("0010");
    send(r -> new PlaceOnHold(plantsync("h1"), "QN-1", r));
    var second = send(r -> new PlaceOnHold(plantsync("h2"), "QN-2", r));
    assertThat(second.state().held()).isTrue();
    assertThat(second.state().holds()).containsExactly("QN-1", "QN-2");
    assertRejected(send(r -> confirm(from(MES, "M-1"), "C-1", "0010", "5", false, r)), ErrorCode.OBJECT_ON_HOLD);

    send(r -> new ReleaseFromHold(plantsync("r1"), "QN-1", r));
    assertRejected(send(r -> confirm(from(MES, "M-1"), "C-1", "0010", "5", false, r)), ErrorCode.OBJECT_ON_HOLD);
    var free = send(r -> new ReleaseFromHold(plantsync("r2"), "QN-2", r));
    assertThat(free.state().held()).isFalse();
    assertThat(send(r -> confirm(from(MES, "M-1"), "C-1", "0010", "5", false, r)).reply()).isInstanceOf(Accepted.class);
  }

  @Test
  void aHoldReplayedFromTheSameEventIsPlacedOnce() {
    plannedAndReleased("0010");
    send(r -> new PlaceOnHold(plantsync("h1"), "QN-1", r));
    var replay = send(r -> new PlaceOnHold(plantsync("h1-replay"), "QN-1", r));
    assertThat(replay.hasNoEvents()).isTrue();
    assertThat(replay.state().holds()).containsExactly("QN-1");
  }

  @Test
  void releasingAHoldTheOrderDoesNotHaveIsRefused() {
    plannedAndReleased("0010");
    assertRejected(send(r -> new ReleaseFromHold(plantsync("r1"), "QN-7", r)), ErrorCode.INVALID_TRANSITION);
  }

  @Test
  void aHoldCanNameAnOrderBeforeItIsPlanned() {
    var held = send(r -> new PlaceOnHold(plantsync("h1"), "QN-1", r));
    assertThat(held.state().exists()).isFalse();
    var planned = send(r -> plan(from(PLANNING, "P-1", 1), "100", 10, r));
    assertThat(planned.state().status()).isEqualTo(OrderStatus.PLANNED);
    assertThat(planned.state().held()).isTrue();
  }

  @Test
  void orchestrationCommandsAreNotSubjectToTheSystemOfRecordMatrix() {
    plannedAndReleased("0010");
    assertThat(send(r -> goodsReceipt("5000001", "1", r)).reply()).isInstanceOf(Accepted.class);
  }
}
