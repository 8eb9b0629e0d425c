package io.plantsync.aggregates.inventorylot;

import static io.plantsync.aggregates.governance.AdapterKind.*;
import static io.plantsync.aggregates.inventorylot.LotCommands.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.plantsync.aggregates.AggregateSettings;
import io.plantsync.aggregates.common.CommandReply;
import io.plantsync.aggregates.common.StoredJournal;
import io.plantsync.aggregates.common.StoredPayloads;
import io.plantsync.aggregates.common.UsageDecision;
import java.time.Clock;
import java.util.function.Function;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A lot's journal and snapshots as stored before the one-template refactoring still recover. */
class StoredLotJournalTest {

  static final ActorTestKit testKit =
      ActorTestKit.create(EventSourcedBehaviorTestKit.config().withFallback(ConfigFactory.load()));

  final EventSourcedBehaviorTestKit<InventoryLotCommand, InventoryLotEvent, InventoryLotState> lot =
      EventSourcedBehaviorTestKit.create(testKit.system(),
          InventoryLot.create(LOT, AggregateSettings.fromConfig(ConfigFactory.load()), Clock.systemUTC()));

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @Test
  void aStoredLotLifeRecoversToItsStoredState() throws Exception {
    var journal = new StoredJournal<>(testKit.system(), lot, "InventoryLot|" + LOT, "inventory-lot");
    if (StoredPayloads.recording()) {
      life();
      journal.record(8);
    } else {
      journal.verify();
    }
  }

  private void life() {
    applied(r -> receive(from(WMS, "W-1"), "MV-1", "100", "0001", r));
    applied(r -> receive(from(WMS, "W-2"), "MV-2", "20", "KG", "0001", StockType.QUALITY, r));
    applied(r -> reserve(from(ERP, "E-1"), "R-1", "30", "100234", r));
    applied(r -> issueReserved(from(MES, "M-1"), "MV-3", "10", "0001", "R-1", false, r));
    applied(r -> issue(from(MES, "M-2"), "MV-4", "5", "0001", null, r));
    applied(r -> transfer(from(WMS, "W-3"), "MV-5", "15", "0001", "0002", r));
    applied(r -> change(from(WMS, "W-4"), "MV-6", "5", "0001", StockType.QUALITY, StockType.UNRESTRICTED, r));
    applied(r -> scrap(from(WMS, "W-5"), "MV-7", "2", "0001", StockType.QUALITY, r));
    applied(r -> reverse(from(ERP, "E-6"), "MV-8", "MV-4", r));
    applied(r -> count(from(WMS, "W-7"), "CNT-1", "0002", StockType.UNRESTRICTED, "14.5", r));
    applied(r -> release(from(ERP, "E-2"), "R-1", r));
    applied(r -> reserve(from(PLANNING, "PL-1"), "R-2", "4", "100235", r));
    applied(r -> issueReserved(from(MES, "M-3"), "MV-9", "1", "0001", "R-2", true, r));
    applied(r -> hold("hold-Q-1", "Q-1", r));
    applied(r -> lift("lift-Q-1", "Q-1", UsageDecision.REJECT, r));
  }

  private void applied(Function<ActorRef<CommandReply>, InventoryLotCommand> command) {
    assertThat(lot.runCommand(command).reply()).isInstanceOf(CommandReply.Accepted.class);
  }
}
