package io.plantsync.aggregates.common;

import io.plantsync.aggregates.common.CommandReply.Accepted;
import io.plantsync.aggregates.common.CommandReply.Outcome;
import io.plantsync.aggregates.common.CommandReply.Rejected;
import io.plantsync.aggregates.governance.SystemOfRecord;
import io.plantsync.aggregates.observability.LogContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import org.apache.pekko.persistence.typed.javadsl.EffectFactories;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The path every business command takes inside its entity, the same for every object type:
 * system of record, then duplicate, then the state's own decision. An accepted decision persists
 * exactly one event before the command is acknowledged. Its log lines carry the {@link LogContext}
 * of the command (set here, not around the actor: a command that arrives while the entity recovers is
 * handled later, inside the journal's message).
 */
public final class CommandGate<E extends GovernedEvent, S extends GovernedState<S, E>> {

  private static final Logger log = LoggerFactory.getLogger(CommandGate.class);

  private final String objectKey;
  private final SystemOfRecord systemOfRecord;
  private final Clock clock;
  private final BooleanSupplier writesAllowed;

  /**
   * {@code objectKey} names the object in log lines: its persistence id ({@link LogContext#objectKey}).
   * {@code writesAllowed} is asked right before every persist: false on a fenced node ({@link PauseFence}).
   */
  public CommandGate(String objectKey, SystemOfRecord systemOfRecord, Clock clock, BooleanSupplier writesAllowed) {
    this.objectKey = objectKey;
    this.systemOfRecord = systemOfRecord;
    this.clock = clock;
    this.writesAllowed = writesAllowed;
  }

  public <C extends GovernedCommand> ReplyEffect<E, S> handle(
      EffectFactories<E, S> effects, S state, C cmd, BiFunction<C, EventMeta, Decision<E>> decide) {
    Decision<E> decision = evaluate(state, cmd, decide);
    if (decision instanceof Decision.Persist<E> persist) {
      if (!writesAllowed.getAsBoolean()) {
        withLogContext(cmd, () -> log.warn("Not persisting {} for {} (messageId {}): this node was paused and is "
            + "shutting down", cmd.type(), objectKey, cmd.origin().messageId()));
        return effects.reply(cmd.replyTo(), new Rejected(ErrorCode.UNAVAILABLE,
            "this node is shutting down; retry with the same messageId"));
      }
      E event = withFigures(state, cmd, decide, persist.event());
      String eventName = event.getClass().getSimpleName();
      return effects.persist(event)
          .thenReply(cmd.replyTo(), next -> new Accepted(Outcome.APPLIED, false, next.version(), List.of(eventName)));
    }
    if (decision instanceof Decision.Reject<E> rejection) {
      return reject(effects, cmd, rejection.code(), rejection.detail());
    }
    if (decision instanceof Decision.Duplicate<E> duplicate) {
      withLogContext(cmd, () -> log.info("Duplicate {} for {} (messageId {}, adapter {}): answered with the first "
          + "outcome", cmd.type(), objectKey, cmd.origin().messageId(), cmd.origin().adapterId()));
      return effects.reply(cmd.replyTo(), duplicate.firstOutcome());
    }
    return effects.reply(cmd.replyTo(), new Accepted(Outcome.STALE, false, state.version(), List.of()));
  }

  /** The decision alone, without effects: the whole rule path, usable in property tests. */
  public <C extends GovernedCommand> Decision<E> evaluate(
      S state, C cmd, BiFunction<C, EventMeta, Decision<E>> decide) {
    Origin origin = cmd.origin();
    // Only PlantSync's own commands skip the matrix: anything else counts as from an adapter.
    if (!(cmd instanceof OrchestrationCommand) && !systemOfRecord.owns(origin.adapterKind(), cmd.type())) {
      return Decision.reject(ErrorCode.NOT_SYSTEM_OF_RECORD,
          origin.adapterKind() + " is not the system of record for " + cmd.type() + "; owned by "
              + systemOfRecord.ownersOf(cmd.type()));
    }
    var earlier = state.processed().earlierOutcome(origin.messageId(), cmd.businessKey());
    if (earlier.isPresent()) return new Decision.Duplicate<>(earlier.get());
    return decide.apply(cmd, EventMeta.of(origin, Instant.now(clock)));
  }

  /**
   * The decided event, with the object's figures after it on its meta ({@link EventMeta#figures}), so
   * that views are written from the event alone. Deciding is pure, so deciding again with that meta
   * gives the same event with the figures; records have no copy-with, and this leaves every object's
   * decide methods as they are.
   */
  private <C extends GovernedCommand> E withFigures(
      S state, C cmd, BiFunction<C, EventMeta, Decision<E>> decide, E decided) {
    EventMeta meta = decided.meta().withFigures(state.changedBy(decided).figures());
    if (decide.apply(cmd, meta) instanceof Decision.Persist<E> again) return again.event();
    throw new IllegalStateException("deciding " + cmd.type() + " again for " + objectKey + " did not persist");
  }

  private ReplyEffect<E, S> reject(EffectFactories<E, S> effects, GovernedCommand cmd, ErrorCode code, String detail) {
    withLogContext(cmd, () -> log.info("Rejected {} for {} with {} (messageId {}, adapter {}): {}",
        cmd.type(), objectKey, code.code(), cmd.origin().messageId(), cmd.origin().adapterId(), detail));
    return effects.reply(cmd.replyTo(), new Rejected(code, detail));
  }

  private void withLogContext(GovernedCommand cmd, Runnable logging) {
    LogContext.around(cmd.origin().adapterId(), cmd.origin().messageId(), objectKey, logging);
  }
}
