package io.plantsync.aggregates.qualityhold;

import static io.plantsync.aggregates.qualityhold.HoldCommands.*;

import io.plantsync.aggregates.common.CommandReply;
import io.plantsync.aggregates.common.Origin;
import io.plantsync.aggregates.common.UsageDecision;
import io.plantsync.aggregates.governance.AdapterKind;
import io.plantsync.aggregates.qualityhold.QualityHoldCommand.*;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * Random conversations between adapters and one quality hold: mostly the QMS, sometimes a system
 * that does not own holds; messageIds from a small pool so that repeats happen; scopes from a small
 * pool of lots and orders so that extends overlap, and now and then an empty scope or no usage
 * decision. Commands have no {@code replyTo}; {@link #addressedTo} adds one for an actor.
 */
final class HoldConversations {
  private HoldConversations() {}

  private static final List<LotRef> LOTS = List.of(STEEL_B1, STEEL_B2, RESIN_B7, new LotRef("RM-RESIN", "B-0008"));
  private static final List<String> ORDERS = List.of("100234", "100235", "100236");

  static Arbitrary<List<GovernedHoldCommand>> conversations() {
    return commands().list().ofMinSize(3).ofMaxSize(30);
  }

  static Arbitrary<GovernedHoldCommand> commands() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Combinators.combine(origins(), scopes()).as(
            (origin, scope) -> (GovernedHoldCommand) new PlaceHold(origin, "porosity in weld seam", scope, null))),
        Tuple.of(5, Combinators.combine(origins(), scopes()).as(
            (origin, scope) -> (GovernedHoldCommand) new ExtendHold(origin, scope, null))),
        Tuple.of(2, Combinators.combine(origins(), decisions()).as(
            (origin, decision) -> (GovernedHoldCommand) new ReleaseHold(origin, decision, "UD note", null))));
  }

  /** The same command, answering to {@code replyTo}. */
  static GovernedHoldCommand addressedTo(GovernedHoldCommand cmd, ActorRef<CommandReply> replyTo) {
    if (cmd instanceof PlaceHold c) return new PlaceHold(c.origin(), c.reason(), c.scope(), replyTo);
    if (cmd instanceof ExtendHold c) return new ExtendHold(c.origin(), c.scope(), replyTo);
    if (cmd instanceof ReleaseHold c) return new ReleaseHold(c.origin(), c.decision(), c.note(), replyTo);
    throw new IllegalArgumentException("unknown command " + cmd);
  }

  private static Arbitrary<Origin> origins() {
    Arbitrary<AdapterKind> kinds = Arbitraries.frequencyOf(
        Tuple.of(9, Arbitraries.just(AdapterKind.QMS)), Tuple.of(1, Arbitraries.of(NOT_QMS)));
    Arbitrary<String> messageIds = Arbitraries.integers().between(1, 40).map(n -> "QMS-" + n);
    return Combinators.combine(kinds, messageIds).as(HoldCommands::from);
  }

  private static Arbitrary<HoldScope> scopes() {
    return Combinators.combine(
            Arbitraries.of(LOTS).list().ofMaxSize(3), Arbitraries.of(ORDERS).list().ofMaxSize(3))
        .as(HoldScope::new);
  }

  private static Arbitrary<UsageDecision> decisions() {
    return Arbitraries.of(UsageDecision.class).injectNull(0.05);
  }
}
