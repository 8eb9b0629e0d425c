package io.plantsync.aggregates.qualityhold;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.plantsync.aggregates.AggregateSettings;
import io.plantsync.aggregates.common.CommandReply;
import io.plantsync.aggregates.common.CommandReply.Accepted;
import io.plantsync.aggregates.common.Decision;
import io.plantsync.aggregates.common.ErrorCode;
import io.plantsync.aggregates.governance.AdapterKind;
import io.plantsync.aggregates.qualityhold.QualityHoldCommand.GovernedHoldCommand;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;

/**
 * Invariants of a quality hold over random conversations (see {@link HoldConversations}), driven
 * through the entity's pure rule path; one smaller property checks that the real entity behaves
 * exactly like that path and recovers to the same state.
 */
class QualityHoldProperties {

  static final AggregateSettings settings = AggregateSettings.fromConfig(ConfigFactory.load());

  // A fixed clock makes the pure path and the entity record identical events.
  static final Clock clock = Clock.fixed(Instant.parse("2026-11-27T08:00:00Z"), ZoneOffset.UTC);

  @Provide
  Arbitrary<List<GovernedHoldCommand>> conversations() {
    return HoldConversations.conversations();
  }

  private static PureHold freshHold() {
    return new PureHold("1000", "QN-4711", settings, clock);
  }

  @Property(tries = 1000)
  void theStatusOnlyMovesForwardFromNothingToPlacedToReleased(
      @ForAll("conversations") List<GovernedHoldCommand> conversation) {
    PureHold hold = freshHold();
    for (GovernedHoldCommand cmd : conversation) {
      int before = stage(hold.state().status());
      hold.send(cmd);
      assertThat(stage(hold.state().status())).isBetween(before, before + 1);
    }
  }

  /** 0 = not placed, 1 = PLACED, 2 = RELEASED: one command moves a hold at most one stage on. */
  private static int stage(HoldStatus status) {
    return status == null ? 0 : status.ordinal() + 1;
  }

  @Property(tries = 1000)
  void theScopeOnlyGrowsInOrderAndNamesEachEntryOnce(
      @ForAll("conversations") List<GovernedHoldCommand> conversation) {
    PureHold hold = freshHold();
    for (GovernedHoldCommand cmd : conversation) {
      HoldScope before = hold.state().scope();
      hold.send(cmd);
      HoldScope after = hold.state().scope();
      assertThat(after.lots().subList(0, before.lots().size())).isEqualTo(before.lots());
      assertThat(after.orders().subList(0, before.orders().size())).isEqualTo(before.orders());
      assertThat(after.lots()).doesNotHaveDuplicates();
      assertThat(after.orders()).doesNotHaveDuplicates();
    }
  }

  @Property(tries = 1000)
  void replayingTheJournalFromNothingGivesTheSameState(
      @ForAll("conversations") List<GovernedHoldCommand> conversation) {
    PureHold hold = freshHold();
    conversation.forEach(hold::send);
    assertThat(hold.replayed()).isEqualTo(hold.state());
    assertThat(hold.state().version()).isEqualTo(hold.journal().size());

    // Guard against a generator that stops reaching the interesting stages.
    String finalStatus = hold.state().exists() ? hold.state().status().name() : "not placed";
    Statistics.label("final status").collect(finalStatus);
    Statistics.label("final status").coverage(coverage -> {
      coverage.check("PLACED").percentage(p -> p > 10);
      coverage.check("RELEASED").percentage(p -> p > 20);
    });
  }

  @Property(tries = 1000)
  void aRepeatedMessageIsAnsweredWithItsFirstOutcomeAndChangesNothing(
      @ForAll("conversations") List<GovernedHoldCommand> conversation) {
    PureHold hold = freshHold();
    Map<String, Accepted> firstOutcomes = new HashMap<>();
    List<GovernedHoldCommand> applied = new ArrayList<>();
    boolean repeated = false;
    for (GovernedHoldCommand cmd : conversation) {
      QualityHoldState before = hold.state();
      Accepted earlier = firstOutcomes.get(cmd.origin().messageId());
      Decision<QualityHoldEvent> decision = hold.send(cmd);
      if (earlier != null && cmd.origin().adapterKind() == AdapterKind.QMS) {
        assertThat(decision).isEqualTo(new Decision.Duplicate<QualityHoldEvent>(earlier.asDuplicate()));
        assertThat(hold.state()).isSameAs(before);
        repeated = true;
      }
      if (decision instanceof Decision.Persist<QualityHoldEvent>) {
        firstOutcomes.put(cmd.origin().messageId(), (Accepted) hold.replyFor(decision));
        applied.add(cmd);
      }
    }
    Statistics.label("repeats an applied message").collect(repeated);
    Statistics.label("repeats an applied message")
        .coverage(coverage -> coverage.check(true).percentage(p -> p > 20));

    // Sending every applied message again, in order, covers every prefix of them.
    QualityHoldState end = hold.state();
    for (GovernedHoldCommand cmd : applied) {
      Decision<QualityHoldEvent> decision = hold.send(cmd);
      assertThat(decision).isEqualTo(
          new Decision.Duplicate<QualityHoldEvent>(firstOutcomes.get(cmd.origin().messageId()).asDuplicate()));
      assertThat(hold.state()).isSameAs(end);
    }
  }

  @Property(tries = 1000)
  void commandsFromSystemsThatDoNotOwnHoldsNeverChangeAnything(
      @ForAll("conversations") List<GovernedHoldCommand> conversation) {
    PureHold hold = freshHold();
    for (GovernedHoldCommand cmd : conversation) {
      QualityHoldState before = hold.state();
      Decision<QualityHoldEvent> decision = hold.send(cmd);
      if (cmd.origin().adapterKind() != AdapterKind.QMS) {
        assertThat(decision).isInstanceOfSatisfying(Decision.Reject.class,
            r -> assertThat(r.code()).isEqualTo(ErrorCode.NOT_SYSTEM_OF_RECORD));
        assertThat(hold.state()).isSameAs(before);
      }
      assertThat(decision).isNotInstanceOf(Decision.Stale.class); // holds carry no sourceVersion
    }
  }

  // ---- the real entity agrees with the pure path ----

  private static final ActorTestKit testKit =
      ActorTestKit.create(EventSourcedBehaviorTestKit.config().withFallback(ConfigFactory.load()));

  private static final AtomicInteger holdNumbers = new AtomicInteger();

  @AfterContainer
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @Property(tries = 30)
  void theEntityAnswersLikeThePurePathAndRecoversToTheSameState(
      @ForAll("conversations") List<GovernedHoldCommand> conversation) {
    // A new hold number per try: every try starts from an empty journal.
    String holdNumber = "QN-" + holdNumbers.incrementAndGet();
    PureHold expected = new PureHold("1000", holdNumber, settings, clock);
    var entity = HoldTestKit.spawn(testKit, new HoldKey("1000", holdNumber).entityId(), settings, clock);

    for (GovernedHoldCommand cmd : conversation) {
      CommandReply expectedReply = expected.replyFor(expected.send(cmd));
      var result = entity.<CommandReply>runCommand(replyTo -> HoldConversations.addressedTo(cmd, replyTo));
      assertThat(result.reply()).isEqualTo(expectedReply);
      assertThat(result.state()).isEqualTo(expected.state());
    }
    assertThat(entity.getState().version()).isEqualTo(expected.journal().size());
    entity.restart();
    assertThat(entity.getState()).isEqualTo(expected.state());
  }
}
