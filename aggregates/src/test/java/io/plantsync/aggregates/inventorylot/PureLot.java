package io.plantsync.aggregates.inventorylot;

import io.plantsync.aggregates.AggregateSettings;
import io.plantsync.aggregates.common.CommandGate;
import io.plantsync.aggregates.common.CommandReply;
import io.plantsync.aggregates.common.CommandReply.Accepted;
import io.plantsync.aggregates.common.CommandReply.Outcome;
import io.plantsync.aggregates.common.CommandReply.Rejected;
import io.plantsync.aggregates.common.Decision;
import io.plantsync.aggregates.inventorylot.InventoryLotCommand.GovernedLotCommand;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * One inventory lot without an actor system: the entity's own rule path ({@link CommandGate#evaluate}
 * with {@link InventoryLotState#decide}) and event handler, so properties can run thousands of
 * conversations in seconds. It keeps the journal the entity would have written.
 */
final class PureLot {

  private final CommandGate<InventoryLotEvent, InventoryLotState> gate;
  private final int messageIdWindow;
  private InventoryLotState state;
  private final List<InventoryLotEvent> journal = new ArrayList<>();

  PureLot(String plant, String material, String batch, AggregateSettings settings, Clock clock) {
    this.gate = new CommandGate<>(new LotKey(plant, material, batch).entityId(), settings.systemOfRecord(), clock,
        () -> true);
    this.messageIdWindow = settings.messageIdWindow();
    this.state = InventoryLotState.empty(plant, material, batch);
  }

  InventoryLotState state() {
    return state;
  }

  List<InventoryLotEvent> journal() {
    return List.copyOf(journal);
  }

  /** Decide {@code cmd} and, if accepted, apply and record its one event. */
  Decision<InventoryLotEvent> send(GovernedLotCommand cmd) {
    Decision<InventoryLotEvent> decision = gate.evaluate(state, cmd, state::decide);
    if (decision instanceof Decision.Persist<InventoryLotEvent> persist) {
      state = state.apply(persist.event(), messageIdWindow);
      journal.add(persist.event());
    }
    return decision;
  }

  /** The state the recorded events give when replayed from the empty lot, as recovery does. */
  InventoryLotState replayed() {
    InventoryLotState replayed = InventoryLotState.empty(state.plant(), state.material(), state.batch());
    for (InventoryLotEvent event : journal) replayed = replayed.apply(event, messageIdWindow);
    return replayed;
  }

  /** The event's name, the rejection code or the decision's kind: for coverage statistics. */
  static String outcomeOf(Decision<InventoryLotEvent> decision) {
    if (decision instanceof Decision.Persist<InventoryLotEvent> persist) return persist.event().getClass().getSimpleName();
    if (decision instanceof Decision.Reject<InventoryLotEvent> rejection) return rejection.code().code();
    return decision.getClass().getSimpleName();
  }

  /** What the entity answers for {@code decision}, taken right after it was sent. */
  CommandReply replyFor(Decision<InventoryLotEvent> decision) {
    if (decision instanceof Decision.Persist<InventoryLotEvent> persist) {
      return new Accepted(Outcome.APPLIED, false, state.version(), List.of(persist.event().getClass().getSimpleName()));
    }
    if (decision instanceof Decision.Reject<InventoryLotEvent> rejection) {
      return new Rejected(rejection.code(), rejection.detail());
    }
    if (decision instanceof Decision.Duplicate<InventoryLotEvent> duplicate) return duplicate.firstOutcome();
    return new Accepted(Outcome.STALE, false, state.version(), List.of());
  }
}
