package io.plantsync.aggregates.productionorder;

import static io.plantsync.aggregates.governance.AdapterKind.*;
import static io.plantsync.aggregates.productionorder.OrderCommands.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.plantsync.aggregates.common.CommandReply.Accepted;
import io.plantsync.aggregates.common.CommandReply.Outcome;
import io.plantsync.aggregates.common.ErrorCode;
import io.plantsync.aggregates.productionorder.ProductionOrderCommand.*;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReprioritizeAndInterruptionTest extends OrderEntityTest {

  static final Instant T1 = Instant.parse("2026-12-01T07:00:00Z");
  static final Instant T2 = Instant.parse("2026-12-01T07:45:00Z");

  @Test
  void reprioritizeChangesPriorityAndOptionallyDates() {
    plannedAndReleased("0010");
    var moved = send(r -> new Reprioritize(from(PLANNING, "P-2", 2), 1, null, END.plusSeconds(3600), r));
    assertThat(moved.state().priority()).isEqualTo(1);
    assertThat(moved.state().header().scheduledStart()).isEqualTo(START);
    assertThat(moved.state().header().scheduledEnd()).isEqualTo(END.plusSeconds(3600));
    assertThat(moved.state().lastSourceVersion()).isEqualTo(2L);
  }

  @Test
  void anOlderReprioritizationIsStale() {
    plannedAndReleased("0010");
    send(r -> new Reprioritize(from(PLANNING, "P-2", 5), 1, null, null, r));
    var stale = send(r -> new Reprioritize(from(PLANNING, "P-3", 4), 999, null, null, r));
    assertThat(stale.reply()).isInstanceOfSatisfying(Accepted.class, a -> assertThat(a.outcome()).isEqualTo(Outcome.STALE));
    assertThat(stale.state().priority()).isEqualTo(1);
  }

  @Test
  void reprioritizeIsRefusedForUnknownClosedOrForeignOrders() {
    assertRejected(send(r -> new Reprioritize(from(PLANNING, "P-2"), 1, null, null, r)), ErrorCode.UNKNOWN_OBJECT);
    plannedAndReleased("0010");
    assertRejected(send(r -> new Reprioritize(from(ERP, "E-2"), 1, null, null, r)), ErrorCode.NOT_SYSTEM_OF_RECORD);
    assertRejected(send(r -> new Reprioritize(from(PLANNING, "P-3"), 1, null, START.minusSeconds(1), r)),
        ErrorCode.INVALID_REQUEST, "scheduledEnd 2026-12-01T05:59:59Z must not be before scheduledStart " + START);
    send(r -> new Complete(from(ERP, "E-3"), r));
    send(r -> new Close(from(ERP, "E-4"), r));
    assertRejected(send(r -> new Reprioritize(from(PLANNING, "P-4"), 1, null, null, r)), ErrorCode.INVALID_TRANSITION);
  }

  @Test
  void anInterruptionPausesTheOrderUntilItsEndIsReported() {
    plannedAndReleased("0010");
    var started = send(r -> interruption("M-1", "INT-1", T1, null, r));
    assertThat(started.state().interrupted()).isTrue();
    var ended = send(r -> interruption("M-2", "INT-1", T1, T2, r));
    assertThat(ended.state().interrupted()).isFalse();
    assertThat(ended.state().interruptions()).singleElement()
        .satisfies(i -> assertThat(i.endedAt()).isEqualTo(T2));
  }

  @Test
  void startAndEndAreEachIdempotentAndAStartAfterTheEndIsStale() {
    plannedAndReleased("0010");
    send(r -> interruption("M-1", "INT-1", T1, null, r));
    assertThat(send(r -> interruption("M-1b", "INT-1", T1, null, r)).hasNoEvents()).isTrue();
    send(r -> interruption("M-2", "INT-1", T1, T2, r));
    assertThat(send(r -> interruption("M-2b", "INT-1", T1, T2, r)).hasNoEvents()).isTrue();
    var lateStart = send(r -> interruption("M-3", "INT-1", T1, null, r));
    assertThat(lateStart.reply()).isInstanceOfSatisfying(Accepted.class,
        a -> assertThat(a.outcome()).isIn(Outcome.STALE, Outcome.APPLIED));
    assertThat(lateStart.state().interrupted()).isFalse();
  }

  @Test
  void anEndBeforeItsStartIsInvalid() {
    plannedAndReleased("0010");
    assertRejected(send(r -> interruption("M-1", "INT-1", T2, T1, r)), ErrorCode.INVALID_REQUEST,
        "endedAt 2026-12-01T07:00:00Z must not be before startedAt 2026-12-01T07:45:00Z");
  }

  @Test
  void anEndIsJudgedAgainstTheRecordedStart() {
    plannedAndReleased("0010");
    send(r -> interruption("M-1", "INT-1", T2, null, r));
    assertRejected(send(r -> interruption("M-2", "INT-1", T1, T1.plusSeconds(60), r)), ErrorCode.INVALID_REQUEST,
        "endedAt 2026-12-01T07:01:00Z must not be before startedAt 2026-12-01T07:45:00Z");
  }

  @Test
  void interruptionsNeedAReleasedOrderAndTheMes() {
    send(r -> plan(from(PLANNING, "P-1", 1), "100", 10, r));
    assertRejected(send(r -> interruption("M-1", "INT-1", T1, null, r)), ErrorCode.INVALID_TRANSITION);
    send(r -> release(from(ERP, "E-1"), r, "0010"));
    assertRejected(send(r -> new ReportInterruption(from(ERP, "E-9"), "INT-1", "WC", "x", T1, null, r)),
        ErrorCode.NOT_SYSTEM_OF_RECORD);
  }
}
