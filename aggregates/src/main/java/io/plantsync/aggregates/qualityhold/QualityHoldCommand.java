package io.plantsync.aggregates.qualityhold;

import io.plantsync.aggregates.CborSerializable;
import io.plantsync.aggregates.common.AdapterCommand;
import io.plantsync.aggregates.common.CommandReply;
import io.plantsync.aggregates.common.GovernedCommand;
import io.plantsync.aggregates.common.Origin;
import io.plantsync.aggregates.common.UsageDecision;
import java.util.Objects;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * Everything a quality hold entity understands. The hold number is the object itself, so no
 * command carries a business key beyond its messageId.
 */
public sealed interface QualityHoldCommand extends CborSerializable {

  /** A command that changes the hold: it passes the CommandGate and causes at most one event. */
  sealed interface GovernedHoldCommand extends QualityHoldCommand, GovernedCommand {}

  /** Sent by the QMS: checked against the system-of-record matrix. (PlantSync sends holds nothing.) */
  sealed interface HoldAdapterCommand extends GovernedHoldCommand, AdapterCommand {}

  /** Put lots and/or orders of the hold's plant on hold; the scope must cover something. */
  record PlaceHold(Origin origin, String reason, HoldScope scope, ActorRef<CommandReply> replyTo)
      implements HoldAdapterCommand {
    public PlaceHold {
      scope = Objects.requireNonNullElse(scope, HoldScope.NONE);
    }

    public String type() {
      return CommandTypes.PLACE;
    }
  }

  /** Add lots and/or orders to a placed hold's scope; entries already in scope are ignored. */
  record ExtendHold(Origin origin, HoldScope scope, ActorRef<CommandReply> replyTo)
      implements HoldAdapterCommand {
    public ExtendHold {
      scope = Objects.requireNonNullElse(scope, HoldScope.NONE);
    }

    public String type() {
      return CommandTypes.EXTEND;
    }
  }

  /** End the hold with the QM usage decision; on REJECT orchestration blocks the held stock. */
  record ReleaseHold(Origin origin, UsageDecision decision, String note, ActorRef<CommandReply> replyTo)
      implements HoldAdapterCommand {
    public String type() {
      return CommandTypes.RELEASE;
    }
  }

  /** Read the authoritative state; answered even if the hold does not exist. */
  record Get(ActorRef<QualityHoldState> replyTo) implements QualityHoldCommand {}
}
