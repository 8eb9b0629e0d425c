package io.plantsync.aggregates.common;

import io.plantsync.aggregates.common.CommandReply.Accepted;
import io.plantsync.aggregates.common.CommandReply.Outcome;
import io.plantsync.aggregates.common.CommandReply.Rejected;
import io.plantsync.aggregates.governance.SystemOfRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.pekko.persistence.typed.javadsl.EffectFactories;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The path every business command takes inside its entity, the same for every object type:
 * system of record, then duplicate, then the state's own decision. An accepted decision persists
 * exactly one event before the command is acknowledged.
 */
public final class CommandGate<E extends GovernedEvent, S extends GovernedState> {

  private static final Logger log = LoggerFactory.getLogger(CommandGate.class);

  private final String entityId;
  private final SystemOfRecord systemOfRecord;
  private final Clock clock;

  public CommandGate(String entityId, SystemOfRecord systemOfRecord, Clock clock) {
    this.entityId = entityId;
    this.systemOfRecord = systemOfRecord;
    this.clock = clock;
  }

  public <C extends GovernedCommand> ReplyEffect<E, S> handle(
      EffectFactories<E, S> effects, S state, C cmd, BiFunction<C, EventMeta, Decision<E>> decide) {
    Decision<E> decision = evaluate(state, cmd, decide);
    if (decision instanceof Decision.Persist<E> persist) {
      String eventName = persist.event().getClass().getSimpleName();
      return effects.persist(persist.event())
          .thenReply(cmd.replyTo(), next -> new Accepted(Outcome.APPLIED, false, next.version(), List.of(eventName)));
    }
    if (decision instanceof Decision.Reject<E> rejection) {
      return reject(effects, cmd, rejection.code(), rejection.detail());
    }
    if (decision instanceof Decision.Duplicate<E> duplicate) {
      log.info("Duplicate {} for {} (messageId {}, adapter {}): answered with the first outcome",
          cmd.type(), entityId, cmd.origin().messageId(), cmd.origin().adapterId());
      return effects.reply(cmd.replyTo(), duplicate.firstOutcome());
    }
    return effects.reply(cmd.replyTo(), new Accepted(Outcome.STALE, false, state.version(), List.of()));
  }

  /** The decision alone, without effects: the whole rule path, usable in property tests. */
  public <C extends GovernedCommand> Decision<E> evaluate(
      S state, C cmd, BiFunction<C, EventMeta, Decision<E>> decide) {
    Origin origin = cmd.origin();
    if (cmd.fromAdapter() && !systemOfRecord.owns(origin.adapterKind(), cmd.type())) {
      return Decision.reject(ErrorCode.NOT_SYSTEM_OF_RECORD,
          origin.adapterKind() + " is not the system of record for " + cmd.type() + "; owned by "
              + systemOfRecord.ownersOf(cmd.type()));
    }
    var earlier = state.processed().earlierOutcome(origin.messageId(), cmd.businessKey());
    if (earlier.isPresent()) return new Decision.Duplicate<>(earlier.get());
    return decide.apply(cmd, EventMeta.of(origin, Instant.now(clock)));
  }

  private ReplyEffect<E, S> reject(EffectFactories<E, S> effects, GovernedCommand cmd, ErrorCode code, String detail) {
    log.info("Rejected {} for {} with {} (messageId {}, adapter {}): {}",
        cmd.type(), entityId, code.code(), cmd.origin().messageId(), cmd.origin().adapterId(), detail);
    return effects.reply(cmd.replyTo(), new Rejected(code, detail));
  }

  /** The state after {@code event}: version + 1 and the causing message remembered. */
  public static ProcessedMessages remember(GovernedState state, GovernedEvent event, int messageIdWindow) {
    return state.processed().remember(event.meta().messageId(), event.businessKey(), state.version() + 1,
        event.getClass().getSimpleName(), messageIdWindow);
  }
}
