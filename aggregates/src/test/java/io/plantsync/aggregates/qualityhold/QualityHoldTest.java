package io.plantsync.aggregates.qualityhold;

import static io.plantsync.aggregates.governance.AdapterKind.*;
import static io.plantsync.aggregates.qualityhold.HoldCommands.*;
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
import io.plantsync.aggregates.qualityhold.QualityHoldCommand.*;
import io.plantsync.aggregates.qualityhold.QualityHoldEvent.*;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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

class QualityHoldTest {

  static final ActorTestKit testKit =
      ActorTestKit.create(EventSourcedBehaviorTestKit.config().withFallback(ConfigFactory.load()));

  static final AggregateSettings settings = AggregateSettings.fromConfig(ConfigFactory.load());

  static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");


  EventSourcedBehaviorTestKit<QualityHoldCommand, QualityHoldEvent, QualityHoldState> hold;

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void freshHold() {
    hold = HoldTestKit.spawn(testKit, "1000/QN-4711", settings, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private CommandResultWithReply<QualityHoldCommand, QualityHoldEvent, QualityHoldState, CommandReply> send(
      Function<ActorRef<CommandReply>, QualityHoldCommand> cmd) {
    return hold.runCommand(cmd);
  }

  private void placed(HoldScope scope) {
    assertThat(send(r -> place(from(QMS, "Q-place"), scope, r)).reply()).isInstanceOf(Accepted.class);
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

  @Nested
  class Place {
    @Test
    void putsTheLotsAndOrdersInScopeOnHold() {
      var result = send(r -> place(from(QMS, "Q-1"), scope(List.of(STEEL_B1, RESIN_B7), List.of("100234")), r));
      assertThat(result.reply()).isEqualTo(new Accepted(Outcome.APPLIED, false, 1, List.of("HoldPlaced")));
      assertThat(result.event()).isEqualTo(new HoldPlaced(result.event().meta(),
          "Q3 internal problem: porosity in weld seam", List.of(STEEL_B1, RESIN_B7), List.of("100234")));
      QualityHoldState state = result.state();
      assertThat(state.status()).isEqualTo(HoldStatus.PLACED);
      assertThat(state.plant()).isEqualTo("1000");
      assertThat(state.hold()).isEqualTo("QN-4711");
      assertThat(state.reason()).isEqualTo("Q3 internal problem: porosity in weld seam");
      assertThat(state.placedAt()).isEqualTo(NOW);
      assertThat(state.lotEntityIds()).containsExactly("1000/RM-STEEL/B-0001", "1000/RM-RESIN/B-0007");
      assertThat(state.orderEntityIds()).containsExactly("1000/100234");
    }

    @Test
    void mayCoverOnlyOrders() {
      var result = send(r -> place(from(QMS, "Q-1"), scope(null, List.of("100234")), r));
      assertThat(result.state().scope()).isEqualTo(scope(List.of(), List.of("100234")));
    }

    @Test
    void mayCoverOnlyLots() {
      var result = send(r -> place(from(QMS, "Q-1"), scope(List.of(STEEL_B1), null), r));
      assertThat(result.state().scope()).isEqualTo(scope(List.of(STEEL_B1), List.of()));
    }

    @Test
    void keepsEachEntryOnceInTheOrderFirstNamed() {
      var result = send(r -> place(from(QMS, "Q-1"),
          scope(List.of(STEEL_B2, STEEL_B1, STEEL_B2), List.of("100235", "100234", "100235")), r));
      assertThat(result.state().scope().lots()).containsExactly(STEEL_B2, STEEL_B1);
      assertThat(result.state().scope().orders()).containsExactly("100235", "100234");
    }

    @Test
    void withAnEmptyScopeIsAnInvalidRequest() {
      assertRejected(send(r -> place(from(QMS, "Q-1"), scope(List.of(), List.of()), r)), ErrorCode.INVALID_REQUEST,
          "quality-hold.place must name at least one lot or order in lots or orders");
      assertRejected(send(r -> place(from(QMS, "Q-2"), null, r)), ErrorCode.INVALID_REQUEST);
      assertThat(hold.getState().exists()).isFalse();
    }

    @Test
    void ofAHoldThatExistsIsAnInvalidTransition() {
      placed(scope(List.of(STEEL_B1), List.of()));
      assertRejected(send(r -> place(from(QMS, "Q-2"), scope(List.of(STEEL_B2), List.of()), r)),
          ErrorCode.INVALID_TRANSITION);
      send(r -> release(from(QMS, "Q-3"), UsageDecision.ACCEPT, r));
      assertRejected(send(r -> place(from(QMS, "Q-4"), scope(List.of(STEEL_B2), List.of()), r)),
          ErrorCode.INVALID_TRANSITION);
      assertThat(hold.getState().scope().lots()).containsExactly(STEEL_B1);
    }
  }

  @Nested
  class Extend {
    @Test
    void withAnEmptyScopeIsAnInvalidRequestWhateverTheHoldsStatus() {
      String emptyScope = "quality-hold.extend must name at least one lot or order in lots or orders";
      assertRejected(send(r -> extend(from(QMS, "Q-1"), scope(null, null), r)), ErrorCode.INVALID_REQUEST, emptyScope);
      placed(scope(List.of(STEEL_B1), List.of()));
      assertRejected(send(r -> extend(from(QMS, "Q-2"), scope(List.of(), List.of()), r)), ErrorCode.INVALID_REQUEST,
          emptyScope);
      assertThat(hold.getState().scope().lots()).containsExactly(STEEL_B1);
    }

    @Test
    void addsTheNewEntriesAfterTheExistingOnes() {
      placed(scope(List.of(STEEL_B1), List.of("100234")));
      var result = send(r -> extend(from(QMS, "Q-2"), scope(List.of(RESIN_B7), List.of("100235")), r));
      assertThat(result.reply()).isEqualTo(new Accepted(Outcome.APPLIED, false, 2, List.of("HoldExtended")));
      assertThat(result.event()).isEqualTo(
          new HoldExtended(result.event().meta(), List.of(RESIN_B7), List.of("100235")));
      assertThat(result.state().scope().lots()).containsExactly(STEEL_B1, RESIN_B7);
      assertThat(result.state().scope().orders()).containsExactly("100234", "100235");
    }

    @Test
    void ignoresEntriesAlreadyInScopeAndTheEventListsOnlyTheNewOnes() {
      placed(scope(List.of(STEEL_B1), List.of("100234")));
      var result = send(r -> extend(from(QMS, "Q-2"),
          scope(List.of(STEEL_B1, STEEL_B2), List.of("100234", "100236")), r));
      assertThat(result.event()).isEqualTo(
          new HoldExtended(result.event().meta(), List.of(STEEL_B2), List.of("100236")));
      assertThat(result.state().scope().lots()).containsExactly(STEEL_B1, STEEL_B2);
      assertThat(result.state().scope().orders()).containsExactly("100234", "100236");
    }

    @Test
    void namingOnlyEntriesAlreadyInScopeIsAppliedWithAnEventThatAddsNothing() {
      placed(scope(List.of(STEEL_B1), List.of("100234")));
      var result = send(r -> extend(from(QMS, "Q-2"), scope(List.of(STEEL_B1), List.of("100234")), r));
      assertThat(result.reply()).isEqualTo(new Accepted(Outcome.APPLIED, false, 2, List.of("HoldExtended")));
      assertThat(result.event()).isEqualTo(new HoldExtended(result.event().meta(), List.of(), List.of()));
      assertThat(result.state().scope()).isEqualTo(scope(List.of(STEEL_B1), List.of("100234")));
    }

    @Test
    void withNothingToAddIsAnInvalidRequest() {
      placed(scope(List.of(STEEL_B1), List.of()));
      assertRejected(send(r -> extend(from(QMS, "Q-2"), scope(List.of(), null), r)), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void ofAnUnknownHoldIsUnknownObject() {
      assertRejected(send(r -> extend(from(QMS, "Q-1"), scope(List.of(STEEL_B1), List.of()), r)),
          ErrorCode.UNKNOWN_OBJECT);
    }

    @Test
    void ofAReleasedHoldIsAnInvalidTransition() {
      placed(scope(List.of(STEEL_B1), List.of()));
      send(r -> release(from(QMS, "Q-2"), UsageDecision.ACCEPT, r));
      assertRejected(send(r -> extend(from(QMS, "Q-3"), scope(List.of(STEEL_B2), List.of()), r)),
          ErrorCode.INVALID_TRANSITION);
    }
  }

  @Nested
  class Release {
    @Test
    void acceptEndsTheHoldAndTheEventCarriesTheWholeScope() {
      placed(scope(List.of(STEEL_B1), List.of("100234")));
      send(r -> extend(from(QMS, "Q-2"), scope(List.of(STEEL_B2), List.of()), r));
      var result = send(r -> release(from(QMS, "Q-3"), UsageDecision.ACCEPT, r));
      assertThat(result.reply()).isEqualTo(new Accepted(Outcome.APPLIED, false, 3, List.of("HoldReleased")));
      assertThat(result.event()).isEqualTo(new HoldReleased(result.event().meta(), UsageDecision.ACCEPT,
          "usage decision ACCEPT", List.of(STEEL_B1, STEEL_B2), List.of("100234")));
      QualityHoldState state = result.state();
      assertThat(state.status()).isEqualTo(HoldStatus.RELEASED);
      assertThat(state.decision()).isEqualTo(UsageDecision.ACCEPT);
      assertThat(state.note()).isEqualTo("usage decision ACCEPT");
      assertThat(state.releasedAt()).isEqualTo(NOW);
      assertThat(state.scope().lots()).containsExactly(STEEL_B1, STEEL_B2);
    }

    @Test
    void rejectIsRecordedAsTheUsageDecision() {
      placed(scope(List.of(STEEL_B1), List.of()));
      var result = send(r -> release(from(QMS, "Q-2"), UsageDecision.REJECT, r));
      assertThat(result.event()).isInstanceOfSatisfying(HoldReleased.class,
          e -> assertThat(e.decision()).isEqualTo(UsageDecision.REJECT));
      assertThat(result.state().decision()).isEqualTo(UsageDecision.REJECT);
    }

    @Test
    void withoutAUsageDecisionIsAnInvalidRequest() {
      placed(scope(List.of(STEEL_B1), List.of()));
      assertRejected(send(r -> release(from(QMS, "Q-2"), null, r)), ErrorCode.INVALID_REQUEST);
      assertThat(hold.getState().status()).isEqualTo(HoldStatus.PLACED);
    }

    @Test
    void ofAnUnknownHoldIsUnknownObject() {
      assertRejected(send(r -> release(from(QMS, "Q-1"), UsageDecision.ACCEPT, r)), ErrorCode.UNKNOWN_OBJECT);
    }

    @Test
    void twiceIsAnInvalidTransition() {
      placed(scope(List.of(STEEL_B1), List.of()));
      send(r -> release(from(QMS, "Q-2"), UsageDecision.ACCEPT, r));
      assertRejected(send(r -> release(from(QMS, "Q-3"), UsageDecision.REJECT, r)), ErrorCode.INVALID_TRANSITION);
      assertThat(hold.getState().decision()).isEqualTo(UsageDecision.ACCEPT);
    }
  }

  @Nested
  class Ownership {
    @Test
    void onlyTheQmsMayPlaceAHold() {
      for (AdapterKind kind : NOT_QMS) {
        assertRejected(send(r -> place(from(kind, "X-" + kind), scope(List.of(STEEL_B1), List.of()), r)),
            ErrorCode.NOT_SYSTEM_OF_RECORD);
      }
      assertThat(hold.getState().exists()).isFalse();
    }

    @Test
    void onlyTheQmsMayExtendOrReleaseAHold() {
      placed(scope(List.of(STEEL_B1), List.of()));
      for (AdapterKind kind : NOT_QMS) {
        assertRejected(send(r -> extend(from(kind, "X-" + kind), scope(List.of(STEEL_B2), List.of()), r)),
            ErrorCode.NOT_SYSTEM_OF_RECORD);
        assertRejected(send(r -> release(from(kind, "Y-" + kind), UsageDecision.REJECT, r)),
            ErrorCode.NOT_SYSTEM_OF_RECORD);
      }
      assertThat(hold.getState().status()).isEqualTo(HoldStatus.PLACED);
      assertThat(hold.getState().version()).isEqualTo(1);
    }
  }

  @Nested
  class Idempotency {
    @Test
    void aRepeatedMessageIdReturnsTheFirstOutcomeAndChangesNothing() {
      var first = send(r -> place(from(QMS, "Q-1"), scope(List.of(STEEL_B1), List.of()), r));
      var again = send(r -> place(from(QMS, "Q-1"), scope(List.of(RESIN_B7), List.of("100234")), r));
      assertThat(again.reply()).isEqualTo(((Accepted) first.reply()).asDuplicate());
      assertThat(again.hasNoEvents()).isTrue();
      assertThat(again.state()).isEqualTo(first.state());
    }

    @Test
    void aRepeatAfterTheHoldMovedOnStillGetsItsFirstOutcome() {
      var placing = send(r -> place(from(QMS, "Q-1"), scope(List.of(STEEL_B1), List.of()), r));
      var extending = send(r -> extend(from(QMS, "Q-2"), scope(List.of(STEEL_B2), List.of()), r));
      send(r -> release(from(QMS, "Q-3"), UsageDecision.REJECT, r));
      QualityHoldState released = hold.getState();

      var placeAgain = send(r -> place(from(QMS, "Q-1"), scope(List.of(STEEL_B1), List.of()), r));
      var extendAgain = send(r -> extend(from(QMS, "Q-2"), scope(List.of(STEEL_B2), List.of()), r));
      assertThat(placeAgain.reply()).isEqualTo(((Accepted) placing.reply()).asDuplicate());
      assertThat(extendAgain.reply()).isEqualTo(((Accepted) extending.reply()).asDuplicate());
      assertThat(hold.getState()).isEqualTo(released);
    }

    @Test
    void isRememberedAcrossRecovery() {
      var first = send(r -> place(from(QMS, "Q-1"), scope(List.of(STEEL_B1), List.of()), r));
      hold.restart();
      var again = send(r -> place(from(QMS, "Q-1"), scope(List.of(STEEL_B1), List.of()), r));
      assertThat(again.reply()).isEqualTo(((Accepted) first.reply()).asDuplicate());
      assertThat(again.hasNoEvents()).isTrue();
    }

    @Test
    void aRejectedMessageIsNotRememberedSoItsRetryIsJudgedAgain() {
      assertRejected(send(r -> extend(from(QMS, "Q-9"), scope(List.of(STEEL_B2), List.of()), r)),
          ErrorCode.UNKNOWN_OBJECT);
      placed(scope(List.of(STEEL_B1), List.of()));
      var retry = send(r -> extend(from(QMS, "Q-9"), scope(List.of(STEEL_B2), List.of()), r));
      assertThat(retry.event()).isInstanceOf(HoldExtended.class);
      assertThat(retry.state().scope().lots()).containsExactly(STEEL_B1, STEEL_B2);
    }
  }

  @Nested
  class Recovery {
    @Test
    void replayingTheJournalGivesTheSameState() {
      placed(scope(List.of(STEEL_B1), List.of("100234")));
      send(r -> extend(from(QMS, "Q-2"), scope(List.of(STEEL_B2, RESIN_B7), List.of("100234")), r));
      send(r -> release(from(QMS, "Q-3"), UsageDecision.REJECT, r));
      QualityHoldState before = hold.getState();
      hold.restart();
      assertThat(hold.getState()).isEqualTo(before);
      assertThat(before.version()).isEqualTo(3);
      assertThat(before.lotEntityIds())
          .containsExactly("1000/RM-STEEL/B-0001", "1000/RM-STEEL/B-0002", "1000/RM-RESIN/B-0007");
    }

    @Test
    void recoveryFromASnapshotGivesTheSameState() {
      var snapshotEveryTwo = new AggregateSettings(
          settings.systemOfRecord(), 2, settings.tagPartitions(), settings.messageIdWindow());
      hold = HoldTestKit.spawn(testKit, "1000/QN-4713", snapshotEveryTwo, Clock.systemUTC());
      placed(scope(List.of(STEEL_B1), List.of("100234")));
      send(r -> extend(from(QMS, "Q-2"), scope(List.of(STEEL_B2), List.of()), r));
      send(r -> extend(from(QMS, "Q-3"), scope(List.of(), List.of("100235")), r));
      QualityHoldState before = hold.getState();
      hold.restart();
      assertThat(hold.getState()).isEqualTo(before);
      assertThat(send(r -> extend(from(QMS, "Q-2"), scope(List.of(RESIN_B7), List.of()), r)).reply())
          .isEqualTo(new Accepted(Outcome.APPLIED, true, 2, List.of("HoldExtended")));
    }

    @Test
    void anUnknownHoldReadsAsNotExisting() {
      var result = hold.runCommand(Get::new);
      assertThat(result.reply().exists()).isFalse();
      assertThat(result.reply().scope().coversNothing()).isTrue();
    }
  }

  @Test
  void theEntityIdIsPlantSlashHold() {
    assertThat(new HoldKey("1000", "QN-4711").entityId()).isEqualTo("1000/QN-4711");
    assertThat(QualityHold.ENTITY_TYPE_KEY.name()).isEqualTo("QualityHold");
  }
}
