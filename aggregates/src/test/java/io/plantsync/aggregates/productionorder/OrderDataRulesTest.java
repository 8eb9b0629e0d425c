package io.plantsync.aggregates.productionorder;

import static io.plantsync.aggregates.governance.AdapterKind.*;
import static io.plantsync.aggregates.productionorder.OrderCommands.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.plantsync.aggregates.common.ErrorCode;
import io.plantsync.aggregates.productionorder.ProductionOrderCommand.*;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order's own rules on the quantities and dates an adapter sends, each with its one message. */
class OrderDataRulesTest extends OrderEntityTest {

  @Test
  void anOrderIsPlannedForMoreThanNothing() {
    assertRejected(send(r -> plan(from(PLANNING, "P-1", 1), "0", 10, r)), ErrorCode.INVALID_REQUEST,
        "quantity must be > 0");
    assertRejected(send(r -> plan(from(PLANNING, "P-2", 1), "-5", 10, r)), ErrorCode.INVALID_REQUEST,
        "quantity must be > 0");
    assertThat(order.getState().exists()).isFalse();
  }

  @Test
  void aPlanMayNotEndBeforeItStarts() {
    var backwards = new OrderHeader("FG-100", BigDecimal.TEN, "EA", END, START);
    assertRejected(send(r -> new Plan(from(PLANNING, "P-1", 1), backwards, 10, r)), ErrorCode.INVALID_REQUEST,
        "scheduledEnd " + START + " must not be before scheduledStart " + END);
  }

  @Test
  void aReleaseThatCreatesTheOrderMeetsTheSameRulesAsAPlan() {
    var nothing = new OrderHeader("FG-100", BigDecimal.ZERO, "EA", START, END);
    assertRejected(send(r -> new Release(from(ERP, "E-1"), nothing, List.of(new Operation("0010", "WC")), List.of(), r)),
        ErrorCode.INVALID_REQUEST, "quantity must be > 0");
  }

  @Test
  void everyComponentIsConsumedInAQuantityAboveZero() {
    send(r -> plan(from(PLANNING, "P-1", 1), "100", 10, r));
    var components = List.of(new Component("RM-7", new BigDecimal("2.5"), "KG"), new Component("RM-8", BigDecimal.ZERO, "KG"));
    assertRejected(send(r -> new Release(from(ERP, "E-1"), null, List.of(new Operation("0010", "WC")), components, r)),
        ErrorCode.INVALID_REQUEST, "component RM-8: quantity must be > 0");
    assertThat(order.getState().status()).isEqualTo(OrderStatus.PLANNED);
  }

  @Test
  void aConfirmationReportsNoLessThanNothing() {
    plannedAndReleased("0010");
    assertRejected(send(r -> new ConfirmOperation(from(MES, "M-1"), "C-1", "0010", "WC-0010", new BigDecimal("-1"),
        BigDecimal.ZERO, false, r)), ErrorCode.INVALID_REQUEST, "yield must be >= 0");
    assertRejected(send(r -> new ConfirmOperation(from(MES, "M-2"), "C-2", "0010", "WC-0010", BigDecimal.ZERO,
        new BigDecimal("-0.5"), false, r)), ErrorCode.INVALID_REQUEST, "scrap must be >= 0");
    var nothingMade = send(r -> new ConfirmOperation(from(MES, "M-3"), "C-3", "0010", "WC-0010", BigDecimal.ZERO,
        BigDecimal.ZERO, false, r));
    assertThat(nothingMade.state().status()).isEqualTo(OrderStatus.PARTIALLY_CONFIRMED);
  }
}
