package io.plantsync.aggregates.qualityhold;

import io.plantsync.aggregates.AggregateSettings;
import io.plantsync.aggregates.common.CommandGate;
import io.plantsync.aggregates.common.CommandReply;
import io.plantsync.aggregates.common.CommandReply.Accepted;
import io.plantsync.aggregates.common.CommandReply.Outcome;
import io.plantsync.aggregates.common.CommandReply.Rejected;
import io.plantsync.aggregates.common.Decision;
import io.plantsync.aggregates.qualityhold.QualityHoldCommand.*;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * One quality hold without an actor system: the entity's own rule path ({@link CommandGate#evaluate})
 * and event handler, so properties can run thousands of conversations in seconds. It keeps the
 * journal it would have written.
 */
final class PureHold {

  private final CommandGate<QualityHoldEvent, QualityHoldState> gate;
  private final int messageIdWindow;
  private QualityHoldState state;
  private final List<QualityHoldEvent> journal = new ArrayList<>();

  PureHold(String plant, String hold, AggregateSettings settings, Clock clock) {
    this.gate = new CommandGate<>(new HoldKey(plant, hold).entityId(), settings.systemOfRecord(), clock,
        () -> true);
    this.messageIdWindow = settings.messageIdWindow();
    this.state = QualityHoldState.empty(plant, hold);
  }

  QualityHoldState state() {
    return state;
  }

  List<QualityHoldEvent> journal() {
    return List.copyOf(journal);
  }

  /** Decide {@code cmd} against the current state without applying anything. */
  Decision<QualityHoldEvent> decide(GovernedHoldCommand cmd) {
    return gate.evaluate(state, cmd, state::decide);
  }

  /** Decide {@code cmd} and, if accepted, apply and record its one event. */
  Decision<QualityHoldEvent> send(GovernedHoldCommand cmd) {
    Decision<QualityHoldEvent> decision = decide(cmd);
    if (decision instanceof Decision.Persist<QualityHoldEvent> persist) {
      state = state.apply(persist.event(), messageIdWindow);
      journal.add(persist.event());
    }
    return decision;
  }

  /** The state the recorded events give when replayed from the empty hold, as recovery does. */
  QualityHoldState replayed() {
    QualityHoldState replayed = QualityHoldState.empty(state.plant(), state.hold());
    for (QualityHoldEvent event : journal) replayed = replayed.apply(event, messageIdWindow);
    return replayed;
  }

  /** What the entity answers for {@code decision}, taken after it was applied. */
  CommandReply replyFor(Decision<QualityHoldEvent> decision) {
    if (decision instanceof Decision.Persist<QualityHoldEvent> persist) {
      return new Accepted(Outcome.APPLIED, false, state.version(),
          List.of(persist.event().getClass().getSimpleName()));
    }
    if (decision instanceof Decision.Reject<QualityHoldEvent> rejection) {
      return new Rejected(rejection.code(), rejection.detail());
    }
    if (decision instanceof Decision.Duplicate<QualityHoldEvent> duplicate) return duplicate.firstOutcome();
    return new Accepted(Outcome.STALE, false, state.version(), List.of());
  }
}
