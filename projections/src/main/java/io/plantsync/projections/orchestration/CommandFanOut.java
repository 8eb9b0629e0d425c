package io.plantsync.projections.orchestration;

import io.plantsync.aggregates.common.CommandReply.Rejected;
import io.plantsync.aggregates.common.CommandReply;
import io.plantsync.aggregates.common.Dispatched;
import io.plantsync.aggregates.common.Origin;
import io.plantsync.aggregates.observability.LogContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
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

  private final ActorSystem<?> system;
  private final ClusterSharding sharding;
  private final Duration timeout;
  private final int parallelism;

  public CommandFanOut(ActorSystem<?> system, Duration timeout, int parallelism) {
    this.system = system;
    this.sharding = ClusterSharding.get(system);
    this.timeout = timeout;
    this.parallelism = parallelism;
  }

  /** At most {@code parallelism} objects are asked at a time: a hold over 10,000 lots must not flood the cluster. */
  public CompletionStage<Done> send(String cause, List<? extends Target<?>> targets) {
    return Dispatched.on(system, Source.from(targets)
        .mapAsyncUnordered(parallelism, target -> ask(target).thenAccept(reply -> logRejection(cause, target, reply)))
        .runWith(Sink.ignore(), system));
  }

  private <M> CompletionStage<CommandReply> ask(Target<M> target) {
    return Dispatched.on(system,
        sharding.entityRefFor(target.entityType(), target.entityId()).ask(target.command()::apply, timeout));
  }

  private static void logRejection(String cause, Target<?> target, CommandReply reply) {
    if (reply instanceof Rejected rejected) {
      LogContext.around(Origin.ORCHESTRATION, null, LogContext.objectKey(target.entityType().name(), target.entityId()),
          () -> log.warn("Orchestration for {} was refused by {} with {}: {}", cause, target.entityId(),
              rejected.code().code(), rejected.detail()));
    }
  }
}
