package io.plantsync.aggregates.productionorder;

import static io.plantsync.aggregates.governance.AdapterKind.*;
import static io.plantsync.aggregates.productionorder.OrderCommands.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.plantsync.aggregates.common.CommandReply.Accepted;
import io.plantsync.aggregates.common.CommandReply.Outcome;
import io.plantsync.aggregates.common.CommandReply.Rejected;
import io.plantsync.aggregates.common.ErrorCode;
import io.plantsync.aggregates.productionorder.ProductionOrderCommand.*;
import io.plantsync.aggregates.productionorder.ProductionOrderEvent.*;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProductionOrderTest extends OrderEntityTest {

  @Nested
  class Plan {
    @Test
    void createsThePlannedOrder() {
      var result = send(r -> plan(from(PLANNING, "P-1", 1), "100", 10, r));
      assertThat(result.reply()).isEqualTo(new Accepted(Outcome.APPLIED, false, 1, List.of("OrderPlanned")));
      assertThat(result.state().status()).isEqualTo(OrderStatus.PLANNED);
      assertThat(result.state().header().quantity()).isEqualByComparingTo("100");
      assertThat(result.state().priority()).isEqualTo(10);
      assertThat(result.state().plant()).isEqualTo("1000");
      assertThat(result.state().order()).isEqualTo("100234");
    }

    @Test
    void updatesTheFieldsOfAnOpenOrder() {
      send(r -> plan(from(PLANNING, "P-1", 1), "100", 10, r));
      var result = send(r -> plan(from(PLANNING, "P-2", 2), "120", 5, r));
      assertThat(result.event()).isInstanceOf(OrderPlanChanged.class);
      assertThat(result.state().header().quantity()).isEqualByComparingTo("120");
      assertThat(result.state().priority()).isEqualTo(5);
      assertThat(result.state().lastSourceVersion()).isEqualTo(2L);
    }

    @Test
    void anOlderOrEqualSourceVersionIsStaleAndChangesNothing() {
      send(r -> plan(from(PLANNING, "P-1", 5), "100", 10, r));
      for (long sv : new long[] {5, 3}) {
        var result = send(r -> plan(from(PLANNING, "P-old-" + sv, sv), "999", 1, r));
        assertThat(result.reply()).isEqualTo(new Accepted(Outcome.STALE, false, 1, List.of()));
        assertThat(result.hasNoEvents()).isTrue();
        assertThat(result.state().header().quantity()).isEqualByComparingTo("100");
      }
    }

    @Test
    void mayNotGoBelowTheConfirmedYield() {
      plannedAndReleased("0010");
      send(r -> confirm(from(MES, "M-1"), "C-1", "0010", "60", false, r));
      assertRejected(send(r -> plan(from(PLANNING, "P-2"), "50", 10, r)), ErrorCode.QUANTITY_BELOW_CONFIRMED);
      assertThat(send(r -> plan(from(PLANNING, "P-3"), "60", 10, r)).reply()).isInstanceOf(Accepted.class);
    }

    @Test
    void isOwnedByPlanningOnly() {
      for (var kind : List.of(ERP, MES, WMS, QMS, ANALYTICS, OPERATOR)) {
        assertRejected(send(r -> plan(from(kind, "X-" + kind), "100", 10, r)), ErrorCode.NOT_SYSTEM_OF_RECORD);
      }
      assertThat(order.getState().exists()).isFalse();
    }

    @Test
    void isRefusedOnAClosedOrder() {
      plannedAndReleased("0010");
      send(r -> new Complete(from(ERP, "E-2"), r));
      send(r -> new Close(from(ERP, "E-3"), r));
      assertRejected(send(r -> plan(from(PLANNING, "P-2"), "100", 10, r)), ErrorCode.INVALID_TRANSITION);
    }
  }

  @Nested
  class Idempotency {
    @Test
    void aRepeatedMessageIdReturnsTheFirstOutcomeAndChangesNothing() {
      var first = send(r -> plan(from(PLANNING, "P-1"), "100", 10, r));
      var again = send(r -> plan(from(PLANNING, "P-1"), "555", 1, r));
      assertThat(again.reply()).isEqualTo(((Accepted) first.reply()).asDuplicate());
      assertThat(again.hasNoEvents()).isTrue();
      assertThat(again.state()).isEqualTo(first.state());
    }

    @Test
    void aRepeatedConfirmationIdUnderANewMessageIdIsADuplicate() {
      plannedAndReleased("0010", "0020");
      var first = send(r -> confirm(from(MES, "M-1"), "C-1", "0010", "40", false, r));
      var again = send(r -> confirm(from(MES, "M-1-resent"), "C-1", "0010", "40", false, r));
      assertThat(again.reply()).isEqualTo(((Accepted) first.reply()).asDuplicate());
      assertThat(again.hasNoEvents()).isTrue();
      assertThat(again.state().operations().get(0).confirmedYield()).isEqualByComparingTo("40");
    }

    @Test
    void isRememberedAcrossRecovery() {
      var first = send(r -> plan(from(PLANNING, "P-1"), "100", 10, r));
      order.restart();
      var again = send(r -> plan(from(PLANNING, "P-1"), "100", 10, r));
      assertThat(again.reply()).isEqualTo(((Accepted) first.reply()).asDuplicate());
      assertThat(again.hasNoEvents()).isTrue();
    }

    @Test
    void aRejectedMessageIsNotRememberedSoItsRetryIsJudgedAgain() {
      assertRejected(send(r -> new Complete(from(ERP, "E-9"), r)), ErrorCode.UNKNOWN_OBJECT);
      plannedAndReleased("0010");
      assertThat(send(r -> new Complete(from(ERP, "E-9"), r)).event()).isInstanceOf(OrderTechnicallyCompleted.class);
    }
  }

  @Nested
  class Release {
    @Test
    void releasesAPlannedOrderWithItsOperations() {
      send(r -> plan(from(PLANNING, "P-1"), "100", 10, r));
      var result = send(r -> release(from(ERP, "E-1"), r, "0010", "0020"));
      assertThat(result.event()).isInstanceOfSatisfying(OrderReleased.class, e -> assertThat(e.created()).isFalse());
      assertThat(result.state().status()).isEqualTo(OrderStatus.RELEASED);
      assertThat(result.state().operations()).extracting(OperationProgress::operation).containsExactly("0010", "0020");
      assertThat(result.state().components()).hasSize(1);
      assertThat(result.state().priority()).isEqualTo(10);
    }

    @Test
    void createsTheOrderFromErpDataWhenItDoesNotExist() {
      var result = send(r -> new ProductionOrderCommand.Release(from(ERP, "E-1"), header("80"),
          List.of(new Operation("0010", "WC-1")), List.of(), r));
      assertThat(result.event()).isInstanceOfSatisfying(OrderReleased.class, e -> assertThat(e.created()).isTrue());
      assertThat(result.state().status()).isEqualTo(OrderStatus.RELEASED);
      assertThat(result.state().header().quantity()).isEqualByComparingTo("80");
    }

    @Test
    void ofAnUnknownOrderWithoutItsDataIsInvalid() {
      assertRejected(send(r -> release(from(ERP, "E-1"), r, "0010")), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void twiceIsAnInvalidTransition() {
      plannedAndReleased("0010");
      assertRejected(send(r -> release(from(ERP, "E-2"), r, "0010")), ErrorCode.INVALID_TRANSITION);
    }

    @Test
    void isOwnedByErp() {
      send(r -> plan(from(PLANNING, "P-1"), "100", 10, r));
      assertRejected(send(r -> release(from(MES, "M-1"), r, "0010")), ErrorCode.NOT_SYSTEM_OF_RECORD);
    }
  }

  @Nested
  class ConfirmOperation {
    @Test
    void aPartialConfirmationMovesToPartiallyConfirmed() {
      plannedAndReleased("0010", "0020");
      var result = send(r -> confirm(from(MES, "M-1"), "C-1", "0010", "40", true, r));
      assertThat(result.state().status()).isEqualTo(OrderStatus.PARTIALLY_CONFIRMED);
      assertThat(result.state().operations().get(0).finallyConfirmed()).isTrue();
      assertThat(result.state().confirmedYield()).isEqualByComparingTo("0");
    }

    @Test
    void finalConfirmationsOfEveryOperationConfirmTheOrder() {
      plannedAndReleased("0010", "0020");
      send(r -> confirm(from(MES, "M-1"), "C-1", "0010", "100", true, r));
      send(r -> confirm(from(MES, "M-2"), "C-2", "0020", "30", false, r));
      var result = send(r -> confirm(from(MES, "M-3"), "C-3", "0020", "68", true, r));
      assertThat(result.event()).isInstanceOfSatisfying(OperationConfirmed.class,
          e -> assertThat(e.resultingStatus()).isEqualTo(OrderStatus.CONFIRMED));
      assertThat(result.state().status()).isEqualTo(OrderStatus.CONFIRMED);
      assertThat(result.state().confirmedYield()).isEqualByComparingTo("98");
    }

    @Test
    void onAnUnknownOrderIsUnknownObject() {
      assertRejected(send(r -> confirm(from(MES, "M-1"), "C-1", "0010", "1", false, r)), ErrorCode.UNKNOWN_OBJECT);
    }

    @Test
    void beforeReleaseIsAnInvalidTransition() {
      send(r -> plan(from(PLANNING, "P-1"), "100", 10, r));
      assertRejected(send(r -> confirm(from(MES, "M-1"), "C-1", "0010", "1", false, r)), ErrorCode.INVALID_TRANSITION);
    }

    @Test
    void ofAnOperationNotOnTheOrderIsInvalid() {
      plannedAndReleased("0010");
      assertRejected(send(r -> confirm(from(MES, "M-1"), "C-1", "0099", "1", false, r)), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void isOwnedByMes() {
      plannedAndReleased("0010");
      assertRejected(send(r -> confirm(from(ERP, "E-5"), "C-1", "0010", "1", false, r)), ErrorCode.NOT_SYSTEM_OF_RECORD);
    }
  }

  @Nested
  class CompleteCloseCancel {
    @Test
    void completeThenCloseEndsTheLifecycle() {
      plannedAndReleased("0010");
      send(r -> confirm(from(MES, "M-1"), "C-1", "0010", "100", true, r));
      assertThat(send(r -> new Complete(from(ERP, "E-2"), r)).state().status()).isEqualTo(OrderStatus.TECHNICALLY_COMPLETE);
      assertThat(send(r -> new Close(from(ERP, "E-3"), r)).state().status()).isEqualTo(OrderStatus.CLOSED);
    }

    @Test
    void aPlannedOrderCannotBeCompleted() {
      send(r -> plan(from(PLANNING, "P-1"), "100", 10, r));
      assertRejected(send(r -> new Complete(from(ERP, "E-2"), r)), ErrorCode.INVALID_TRANSITION);
    }

    @Test
    void onlyATechnicallyCompleteOrderCanBeClosed() {
      plannedAndReleased("0010");
      assertRejected(send(r -> new Close(from(ERP, "E-2"), r)), ErrorCode.INVALID_TRANSITION);
    }

    @Test
    void closeOfAnUnknownOrderIsUnknownObject() {
      assertRejected(send(r -> new Close(from(ERP, "E-2"), r)), ErrorCode.UNKNOWN_OBJECT);
    }

    @Test
    void aReleasedOrderWithoutConfirmationsCanBeCancelled() {
      plannedAndReleased("0010");
      var result = send(r -> new Cancel(from(ERP, "E-2"), "customer order withdrawn", r));
      assertThat(result.state().status()).isEqualTo(OrderStatus.CANCELLED);
      assertThat(result.state().cancellationReason()).isEqualTo("customer order withdrawn");
    }

    @Test
    void anOrderWithConfirmationsCannotBeCancelled() {
      plannedAndReleased("0010", "0020");
      send(r -> confirm(from(MES, "M-1"), "C-1", "0010", "5", false, r));
      assertRejected(send(r -> new Cancel(from(ERP, "E-2"), "late", r)), ErrorCode.INVALID_TRANSITION);
    }

    @Test
    void aCancelledOrderAcceptsNoFurtherCommands() {
      send(r -> plan(from(PLANNING, "P-1"), "100", 10, r));
      send(r -> new Cancel(from(ERP, "E-2"), "obsolete", r));
      assertRejected(send(r -> release(from(ERP, "E-3"), r, "0010")), ErrorCode.INVALID_TRANSITION);
      assertRejected(send(r -> new Cancel(from(ERP, "E-4"), "again", r)), ErrorCode.INVALID_TRANSITION);
      assertRejected(send(r -> plan(from(PLANNING, "P-2"), "100", 10, r)), ErrorCode.INVALID_TRANSITION);
    }

    @Test
    void completeCloseAndCancelAreOwnedByErp() {
      plannedAndReleased("0010");
      assertRejected(send(r -> new Complete(from(MES, "M-2"), r)), ErrorCode.NOT_SYSTEM_OF_RECORD);
      assertRejected(send(r -> new Close(from(PLANNING, "P-2"), r)), ErrorCode.NOT_SYSTEM_OF_RECORD);
      assertRejected(send(r -> new Cancel(from(WMS, "W-2"), "x", r)), ErrorCode.NOT_SYSTEM_OF_RECORD);
    }
  }

  @Nested
  class Recovery {
    @Test
    void replayingTheJournalGivesTheSameState() {
      plannedAndReleased("0010", "0020");
      send(r -> confirm(from(MES, "M-1"), "C-1", "0010", "50", true, r));
      send(r -> confirm(from(MES, "M-2"), "C-2", "0020", "49.5", false, r));
      ProductionOrderState before = order.getState();
      order.restart();
      assertThat(order.getState()).isEqualTo(before);
      assertThat(before.version()).isEqualTo(4);
      assertThat(before.confirmedYield()).isEqualByComparingTo(new BigDecimal("49.5"));
    }

    @Test
    void anUnknownOrderReadsAsNotExisting() {
      var result = order.runCommand(Get::new);
      assertThat(result.reply().exists()).isFalse();
    }
  }
}
