package io.plantsync.http;

import io.plantsync.aggregates.common.CommandReply;
import io.plantsync.aggregates.common.CommandReply.Accepted;
import io.plantsync.aggregates.common.CommandReply.Rejected;
import io.plantsync.aggregates.common.ErrorCode;
import io.plantsync.aggregates.observability.LogContext;
import io.plantsync.http.auth.Adapter;
import io.plantsync.http.commands.ParsedCommand;
import io.plantsync.http.problem.Problem;
import io.plantsync.projections.exceptions.BusinessException;
import io.plantsync.projections.exceptions.BusinessExceptionLog;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one valid command for one adapter: plant scope first (no entity is asked for a plant the
 * adapter may not act on), then the entity, whose reply becomes a {@link CommandResult} or a
 * {@link Problem}. Shared by the single and the batch endpoint, so both answer alike.
 *
 * <p>Every rejection of a command that names an object (plant not allowed, or refused by the
 * entity) goes to the {@link BusinessExceptionLog}, without waiting for it. A 503 is not a rejection
 * (the outcome is unknown), and an envelope that never parsed names no object: neither is recorded.
 * Every answer is counted in {@link CommandMetrics}. An accepted quality-hold command is answered
 * once the hold is in force on its scope, or the wait for that ran out ({@link HoldEnforcement}).
 */
public final class CommandExecutor {

  /** The answer to one command: a 200 result or a problem, and whether retrying may help. */
  public record Answer(Object body, int status) {
    public static Answer of(Problem problem) {
      return new Answer(problem, problem.status());
    }

    public boolean unavailable() {
      return status == 503;
    }
  }

  private static final Logger log = LoggerFactory.getLogger(CommandExecutor.class);

  private final EntityGateway entities;
  private final BusinessExceptionLog exceptions;
  private final CommandMetrics metrics;
  private final HoldEnforcement holds;
  private final Clock clock = Clock.systemUTC();
  private final int maxInFlight;
  private final AtomicInteger inFlight = new AtomicInteger();

  CommandExecutor(EntityGateway entities, BusinessExceptionLog exceptions, CommandMetrics metrics,
      HoldEnforcement holds, int maxInFlight) {
    this.entities = entities;
    this.exceptions = exceptions;
    this.metrics = metrics;
    this.holds = holds;
    this.maxInFlight = maxInFlight;
  }

  public <C> CompletionStage<Answer> execute(Adapter adapter, ParsedCommand<C> command) {
    long started = System.nanoTime();
    return answer(adapter, command).thenApply(answer -> {
      metrics.answered(adapter, command.spec().type(), answer, started);
      return answer;
    });
  }

  private <C> CompletionStage<Answer> answer(Adapter adapter, ParsedCommand<C> command) {
    if (!adapter.mayActOn(command.plant())) {
      withLogContext(adapter, command, () -> log.info("Refused {} for {} from adapter {} (messageId {}): plant not "
          + "allowed", command.spec().type(), command.entityId(), adapter.id(), command.messageId()));
      return CompletableFuture.completedFuture(rejected(adapter, command,
          ErrorCode.PLANT_NOT_ALLOWED, "adapter " + adapter.id() + " may not act on plant " + command.plant()));
    }
    if (inFlight.incrementAndGet() > maxInFlight) {
      inFlight.decrementAndGet();
      return CompletableFuture.completedFuture(unavailable("this node is at its limit of " + maxInFlight
          + " commands in progress; retry with the same messageId"));
    }
    CompletionStage<CommandReply> reply;
    try {
      reply = entities.ask(command.spec().entityType(), command.entityId(), command.message());
    } catch (RuntimeException e) {
      reply = CompletableFuture.failedFuture(e);
    }
    return reply.whenComplete((answer, failure) -> inFlight.decrementAndGet()).thenCompose(answer ->
        answer instanceof Accepted accepted && HoldEnforcement.enforces(command)
            ? holds.enforce(adapter, command, accepted).thenApply(result -> new Answer(result, 200))
            : CompletableFuture.completedFuture(answered(adapter, command, answer, null)))
        .exceptionally(failure -> answered(adapter, command, null, failure));
  }

  /** The answer to the entity's reply, or to its absence ({@code failure}). */
  private Answer answered(Adapter adapter, ParsedCommand<?> command, CommandReply answer, Throwable failure) {
    if (failure != null) {
      withLogContext(adapter, command, () -> log.warn("No answer from {} for {} (messageId {}, adapter {}): {}",
          command.entityId(), command.spec().type(), command.messageId(), adapter.id(), failure.toString()));
      return unavailable(command.entityId() + " did not answer in time; retry with the same messageId");
    }
    // A node that may no longer own the object refuses to write: unknown to the adapter, like a timeout.
    if (answer instanceof Rejected rejected && rejected.code() == ErrorCode.UNAVAILABLE) {
      return unavailable(rejected.detail());
    }
    if (answer instanceof Rejected rejected) return rejected(adapter, command, rejected.code(), rejected.detail());
    return new Answer(CommandResult.of((Accepted) answer), 200);
  }

  /** MDC is per thread: set around each log call, never across the asynchronous ask. */
  private static void withLogContext(Adapter adapter, ParsedCommand<?> command, Runnable logging) {
    LogContext.around(adapter.id(), command.messageId(),
        LogContext.objectKey(command.spec().entityType().name(), command.entityId()), logging);
  }

  /** The problem answer to a rejection, recorded as a business exception on the way (never waited for). */
  private Answer rejected(Adapter adapter, ParsedCommand<?> command, ErrorCode code, String detail) {
    try {
      exceptions.record(new BusinessException(clock.instant().truncatedTo(ChronoUnit.MILLIS), adapter.id(),
          adapter.kind().name(), command.plant(), command.spec().objectKind().typePrefix(), command.entityId(),
          command.spec().type(), command.messageId(), code.code(), detail));
    } catch (RuntimeException e) {
      // The log promises not to throw; if one does anyway, the adapter still gets its answer.
      withLogContext(adapter, command, () -> log.warn("Business exception not recorded for {} (messageId {}): {}",
          command.entityId(), command.messageId(), e.toString()));
    }
    return Answer.of(Problem.of(code, detail));
  }

  public static Answer unavailable(String detail) {
    return Answer.of(Problem.of(ErrorCode.UNAVAILABLE, detail));
  }
}
