package io.plantsync.projections.orchestration;

import io.plantsync.aggregates.common.CommandReply;
import io.plantsync.aggregates.common.CommandReply.Rejected;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one orchestration command to each of many objects and completes when all have answered.
 * A missing answer fails the whole step, so the projection delivers the event again (the commands
 * are idempotent); a rejection is final (sending it again cannot help) and is logged for operators.
 */
public final class CommandFanOut {

  /** One command for one object. */
  public record Target<M>(EntityTypeKey<M> entityType, String entityId, Function<ActorRef<CommandReply>, M> command) {}

  private static final Logger log = LoggerFactory.getLogger(CommandFanOut.class);

  private final ClusterSharding sharding;
  private final Duration timeout;

  public CommandFanOut(ActorSystem<?> system, Duration timeout) {
    this.sharding = ClusterSharding.get(system);
    this.timeout = timeout;
  }

  public CompletionStage<Done> send(String cause, List<? extends Target<?>> targets) {
    CompletableFuture<?>[] replies = targets.stream()
        .map(target -> ask(target).thenAccept(reply -> logRejection(cause, target, reply)).toCompletableFuture())
        .toArray(CompletableFuture[]::new);
    return CompletableFuture.allOf(replies).thenApply(done -> Done.getInstance());
  }

  private <M> CompletionStage<CommandReply> ask(Target<M> target) {
    return sharding.entityRefFor(target.entityType(), target.entityId()).ask(target.command()::apply, timeout);
  }

  private static void logRejection(String cause, Target<?> target, CommandReply reply) {
    if (reply instanceof Rejected rejected) {
      log.warn("Orchestration for {} was refused by {} with {}: {}", cause, target.entityId(),
          rejected.code().code(), rejected.detail());
    }
  }
}
