package io.plantsync.aggregates.qualityhold;

import io.plantsync.aggregates.common.CommandReply;
import io.plantsync.aggregates.common.Origin;
import io.plantsync.aggregates.common.UsageDecision;
import io.plantsync.aggregates.governance.AdapterKind;
import io.plantsync.aggregates.qualityhold.QualityHoldCommand.*;
import java.util.EnumSet;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;

/** Builders for quality-hold commands as the canonical adapters send them. */
final class HoldCommands {
  private HoldCommands() {}

  /** Every adapter kind that does not own quality holds in the canonical matrix. */
  static final List<AdapterKind> NOT_QMS = List.copyOf(EnumSet.complementOf(EnumSet.of(AdapterKind.QMS)));

  static final LotRef STEEL_B1 = new LotRef("RM-STEEL", "B-0001");
  static final LotRef STEEL_B2 = new LotRef("RM-STEEL", "B-0002");
  static final LotRef RESIN_B7 = new LotRef("RM-RESIN", "B-0007");

  static Origin from(AdapterKind kind, String messageId) {
    return new Origin(messageId, kind.name().toLowerCase(), kind, null, null);
  }

  static HoldScope scope(List<LotRef> lots, List<String> orders) {
    return new HoldScope(lots, orders);
  }

  static PlaceHold place(Origin origin, HoldScope scope, ActorRef<CommandReply> replyTo) {
    return new PlaceHold(origin, "Q3 internal problem: porosity in weld seam", scope, replyTo);
  }

  static ExtendHold extend(Origin origin, HoldScope scope, ActorRef<CommandReply> replyTo) {
    return new ExtendHold(origin, scope, replyTo);
  }

  static ReleaseHold release(Origin origin, UsageDecision decision, ActorRef<CommandReply> replyTo) {
    return new ReleaseHold(origin, decision, "usage decision " + decision, replyTo);
  }
}
