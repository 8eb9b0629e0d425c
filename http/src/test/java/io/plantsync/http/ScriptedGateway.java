package io.plantsync.http;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;

/** Stands in for the entities in route tests: answers with a scripted reply and records every ask. */
final class ScriptedGateway implements EntityGateway {

  record Ask(String entityType, String entityId, Object message) {}

  final List<Ask> asks = new ArrayList<>();
  private volatile Function<Object, CompletionStage<?>> answer =
      message -> CompletableFuture.failedFuture(new IllegalStateException("no answer scripted"));

  void answer(Function<Object, CompletionStage<?>> answer) {
    this.answer = answer;
  }

  @Override
  @SuppressWarnings("unchecked")
  public synchronized <M, R> CompletionStage<R> ask(
      EntityTypeKey<M> entityType, String entityId, Function<ActorRef<R>, M> message) {
    M built = message.apply(null);
    asks.add(new Ask(entityType.name(), entityId, built));
    return (CompletionStage<R>) answer.apply(built);
  }
}
