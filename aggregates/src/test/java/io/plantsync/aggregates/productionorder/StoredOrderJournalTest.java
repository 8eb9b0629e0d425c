package io.plantsync.aggregates.productionorder;

import static io.plantsync.aggregates.governance.AdapterKind.*;
import static io.plantsync.aggregates.productionorder.OrderCommands.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.plantsync.aggregates.common.CommandReply;
import io.plantsync.aggregates.common.StoredJournal;
import io.plantsync.aggregates.common.StoredPayloads;
import io.plantsync.aggregates.productionorder.ProductionOrderCommand.*;
import java.time.Duration;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.Test;

/** An order's journal and snapshots as stored before the one-template refactoring still recover. */
class StoredOrderJournalTest extends OrderEntityTest {

  @Test
  void aStoredOrderLifeRecoversToItsStoredState() throws Exception {
    var journal = new StoredJournal<>(testKit.system(), order, "ProductionOrder|1000/100234", "production-order");
    if (StoredPayloads.recording()) {
      life();
      journal.record(7);
    } else {
      journal.verify();
    }
  }

  private void life() {
    applied(r -> plan(from(PLANNING, "P-1", 1), "100", 10, r));
    applied(r -> release(from(ERP, "E-1"), r, "0010", "0020"));
    applied(r -> confirm(from(MES, "M-1"), "C-1", "0010", "40.5", false, r));
    applied(r -> interruption("M-2", "I-1", START.plus(Duration.ofHours(2)), null, r));
    applied(r -> interruption("M-3", "I-1", START.plus(Duration.ofHours(2)), START.plus(Duration.ofHours(3)), r));
    applied(r -> new Reprioritize(from(PLANNING, "P-2", 2), 3, null, END.plusSeconds(3600), r));
    applied(r -> new PlaceOnHold(plantsync("hold-Q-1"), "Q-1", r));
    applied(r -> new ReleaseFromHold(plantsync("lift-Q-1"), "Q-1", r));
    applied(r -> confirm(from(MES, "M-4"), "C-2", "0010", "59.5", true, r));
    applied(r -> confirm(from(MES, "M-5"), "C-3", "0020", "100", true, r));
    applied(r -> goodsReceipt("GR-1", "100", r));
    applied(r -> goodsReceiptReversal("GR-2", "GR-1", "30", r));
    applied(r -> goodsReceipt("GR-3", "30", r));
    applied(r -> new Complete(from(ERP, "E-2"), r));
    applied(r -> new Close(from(ERP, "E-3"), r));
  }

  private void applied(Function<ActorRef<CommandReply>, ProductionOrderCommand> command) {
    assertThat(send(command).reply()).isInstanceOf(CommandReply.Accepted.class);
  }
}
