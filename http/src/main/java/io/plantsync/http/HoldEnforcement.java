package io.plantsync.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.plantsync.aggregates.common.CommandReply;
import io.plantsync.aggregates.common.CommandReply.Accepted;
import io.plantsync.aggregates.common.Origin;
import io.plantsync.aggregates.observability.LogContext;
import io.plantsync.aggregates.qualityhold.CommandTypes;
import io.plantsync.aggregates.qualityhold.HoldStatus;
import io.plantsync.aggregates.qualityhold.LotRef;
import io.plantsync.aggregates.qualityhold.QualityHold;
import io.plantsync.aggregates.qualityhold.QualityHoldCommand;
import io.plantsync.aggregates.qualityhold.QualityHoldState;
import io.plantsync.http.HoldCommandResult.Pending;
import io.plantsync.http.auth.Adapter;
import io.plantsync.http.commands.ParsedCommand;
import io.plantsync.projections.orchestration.CommandFanOut.Target;
import io.plantsync.projections.orchestration.HoldTargets;
import io.plantsync.projections.orchestration.OrchestrationOrigin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A quality hold is in force when the QMS gets its answer. Once the hold accepted {@code place},
 * {@code extend} or {@code release}, every lot and order of its scope is sent the command that
 * {@code HoldPropagation} sends for the hold's event, with the same messageId, and the answer waits
 * up to {@code within} for their confirmations. Objects that did not confirm in time are named in
 * the answer; the projection still delivers every command, and the objects answer one they already
 * applied as a repeat (the hold number is its business key), so each lot and order records the hold
 * exactly once.
 */
final class HoldEnforcement {

  private static final Logger log = LoggerFactory.getLogger(HoldEnforcement.class);
  private static final Set<String> ENFORCED = Set.copyOf(CommandTypes.ALL);

  /** One object of the scope and the command that confirms the hold's status on it. */
  private record Entry(LotRef lot, String order, Target<?> target) {}

  private final EntityGateway entities;
  private final Duration within;
  private final int parallelism;
  private final MeterRegistry meters;

  HoldEnforcement(EntityGateway entities, Duration within, int parallelism, MeterRegistry meters) {
    this.entities = entities;
    this.within = within;
    this.parallelism = parallelism;
    this.meters = meters;
  }

  static boolean enforces(ParsedCommand<?> command) {
    return ENFORCED.contains(command.spec().type());
  }

  /** The answer to an accepted hold command, once its scope confirmed or {@code within} passed. */
  CompletionStage<HoldCommandResult> enforce(Adapter adapter, ParsedCommand<?> command, Accepted accepted) {
    long deadline = System.nanoTime() + within.toNanos();
    CompletionStage<QualityHoldState> hold = entities.ask(QualityHold.ENTITY_TYPE_KEY, command.entityId(),
        QualityHoldCommand.Get::new, within);
    return hold.thenCompose(state -> {
      boolean releasing = command.spec().type().equals(CommandTypes.RELEASE);
      if (!releasing && state.status() == HoldStatus.RELEASED) {
        return CompletableFuture.completedFuture(HoldCommandResult.notInForce(accepted, Pending.NONE,
            "quality hold " + state.hold() + " was released since; it is in force on nothing"));
      }
      List<Entry> entries = entries(state, origin(command, accepted), releasing);
      return confirm(entries, deadline).thenApply(pending -> result(adapter, command, accepted, entries, pending));
    }).exceptionally(failure -> {
      count(command, "pending");
      logNotInForce(adapter, command, "its scope could not be read: " + failure);
      return HoldCommandResult.notInForce(accepted, Pending.NONE, "the hold's scope could not be read within "
          + within.toMillis() + " ms; the orchestration puts it in force");
    });
  }

  /** The messageId HoldPropagation derives from the same event: objects tell the two apart as repeats. */
  private static Origin origin(ParsedCommand<?> command, Accepted accepted) {
    String persistenceId = PersistenceId.of(QualityHold.ENTITY_TYPE_KEY.name(), command.entityId()).id();
    return OrchestrationOrigin.of(persistenceId, accepted.objectVersion());
  }

  private static List<Entry> entries(QualityHoldState state, Origin origin, boolean releasing) {
    String plant = state.plant();
    String hold = state.hold();
    List<Entry> entries = new ArrayList<>();
    for (LotRef lot : state.scope().lots()) {
      entries.add(new Entry(lot, null, releasing
          ? HoldTargets.releaseLot(origin, plant, hold, state.decision(), lot)
          : HoldTargets.placeOnLot(origin, plant, hold, lot)));
    }
    for (String order : state.scope().orders()) {
      entries.add(new Entry(null, order, releasing
          ? HoldTargets.releaseOrder(origin, plant, hold, order)
          : HoldTargets.placeOnOrder(origin, plant, hold, order)));
    }
    return entries;
  }

  /**
   * Asks at most {@code parallelism} objects at a time (a scope of 10,000 lots must not flood the
   * cluster), none after the deadline; completes with the entries that did not confirm.
   */
  private CompletionStage<Set<Entry>> confirm(List<Entry> entries, long deadline) {
    Set<Entry> unconfirmed = ConcurrentHashMap.newKeySet();
    unconfirmed.addAll(entries);
    AtomicInteger next = new AtomicInteger();
    List<CompletableFuture<Void>> lanes = new ArrayList<>();
    for (int i = 0; i < Math.min(parallelism, entries.size()); i++) {
      lanes.add(lane(entries, next, unconfirmed, deadline).toCompletableFuture());
    }
    return CompletableFuture.allOf(lanes.toArray(CompletableFuture[]::new)).thenApply(done -> unconfirmed);
  }

  private CompletionStage<Void> lane(List<Entry> entries, AtomicInteger next, Set<Entry> unconfirmed, long deadline) {
    int index = next.getAndIncrement();
    long remaining = deadline - System.nanoTime();
    if (index >= entries.size() || remaining <= 0) return CompletableFuture.completedFuture(null);
    Entry entry = entries.get(index);
    return ask(entry.target(), Duration.ofNanos(remaining))
        .handle((reply, failure) -> {
          // A rejection (e.g. a release that reached a lot before its placement) is not a confirmation.
          if (reply instanceof Accepted) unconfirmed.remove(entry);
          return null;
        })
        .thenCompose(ignored -> lane(entries, next, unconfirmed, deadline));
  }

  private <M> CompletionStage<CommandReply> ask(Target<M> target, Duration timeout) {
    return entities.ask(target.entityType(), target.entityId(), target.command()::apply, timeout);
  }

  private HoldCommandResult result(
      Adapter adapter, ParsedCommand<?> command, Accepted accepted, List<Entry> entries, Set<Entry> unconfirmed) {
    if (unconfirmed.isEmpty()) {
      count(command, "in_force");
      return HoldCommandResult.inForce(accepted);
    }
    count(command, "pending");
    List<Entry> pending = entries.stream().filter(unconfirmed::contains).toList();
    String detail = pending.size() + " of " + entries.size() + " objects in scope did not confirm within "
        + within.toMillis() + " ms; the orchestration completes them";
    logNotInForce(adapter, command, detail);
    return HoldCommandResult.notInForce(accepted, new Pending(
        pending.stream().filter(entry -> entry.lot() != null).map(Entry::lot).toList(),
        pending.stream().filter(entry -> entry.order() != null).map(Entry::order).toList()), detail);
  }

  private void count(ParsedCommand<?> command, String outcome) {
    Counter.builder("plantsync.hold.confirmations")
        .description("Answers to quality-hold commands: in force on the whole scope, or objects pending")
        .tag("plant", command.plant()).tag("type", command.spec().type()).tag("outcome", outcome)
        .register(meters).increment();
  }

  private static void logNotInForce(Adapter adapter, ParsedCommand<?> command, String why) {
    LogContext.around(adapter.id(), command.messageId(),
        LogContext.objectKey(QualityHold.ENTITY_TYPE_KEY.name(), command.entityId()),
        () -> log.warn("{} for {} answered before it is in force everywhere (messageId {}, adapter {}): {}",
            command.spec().type(), command.entityId(), command.messageId(), adapter.id(), why));
  }
}
