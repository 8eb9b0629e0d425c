package io.plantsync.aggregates.qualityhold;

import static io.plantsync.aggregates.governance.AdapterKind.QMS;
import static io.plantsync.aggregates.qualityhold.HoldCommands.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.plantsync.aggregates.AggregateSettings;
import io.plantsync.aggregates.common.CommandReply;
import io.plantsync.aggregates.common.StoredJournal;
import io.plantsync.aggregates.common.StoredPayloads;
import io.plantsync.aggregates.common.UsageDecision;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A hold's journal and snapshots as stored before the one-template refactoring still recover. */
class StoredHoldJournalTest {

  static final ActorTestKit testKit =
      ActorTestKit.create(EventSourcedBehaviorTestKit.config().withFallback(ConfigFactory.load()));

  final EventSourcedBehaviorTestKit<QualityHoldCommand, QualityHoldEvent, QualityHoldState> hold =
      EventSourcedBehaviorTestKit.create(testKit.system(),
          QualityHold.create("1000/Q-1", AggregateSettings.fromConfig(ConfigFactory.load()), Clock.systemUTC()));

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @Test
  void aStoredHoldLifeRecoversToItsStoredState() throws Exception {
    var journal = new StoredJournal<>(testKit.system(), hold, "QualityHold|1000/Q-1", "quality-hold");
    if (StoredPayloads.recording()) {
      life();
      journal.record(2);
    } else {
      journal.verify();
    }
  }

  private void life() {
    applied(r -> place(from(QMS, "Q-1"), scope(List.of(STEEL_B1), List.of("100234")), r));
    applied(r -> extend(from(QMS, "Q-2"), scope(List.of(STEEL_B2, RESIN_B7), List.of()), r));
    applied(r -> extend(from(QMS, "Q-3"), scope(List.of(STEEL_B1), List.of("100234")), r));
    applied(r -> release(from(QMS, "Q-4"), UsageDecision.REJECT, r));
  }

  private void applied(Function<ActorRef<CommandReply>, QualityHoldCommand> command) {
    assertThat(hold.runCommand(command).reply()).isInstanceOf(CommandReply.Accepted.class);
  }
}
