package io.plantsync.projections.views;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.Done;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.javadsl.Handler;

/**
 * Keeps one object's view row equal to the object's current state: for every event of object X it
 * asks X for its state and upserts X's row with absolute values. Replayed, repeated or late events
 * just write the newest state again, so the handler is idempotent and insensitive to order; the
 * price is one entity read per event. An object that has no row yet (see the row's {@code of})
 * writes nothing.
 *
 * @param <S> the object's state
 * @param <R> the object's view row
 * @param <E> the object's events (only their persistence id is used)
 */
public final class ViewRefresh<S, R, E> extends Handler<EventEnvelope<E>> {

  private final Function<String, CompletionStage<S>> currentState;
  private final Function<S, Optional<R>> row;
  private final Function<R, CompletionStage<Done>> upsert;

  /**
   * @param currentState the state of the object with the given entity id
   * @param row the object's row, if it has one
   * @param upsert writes a row
   */
  public ViewRefresh(Function<String, CompletionStage<S>> currentState, Function<S, Optional<R>> row,
      Function<R, CompletionStage<Done>> upsert) {
    this.currentState = currentState;
    this.row = row;
    this.upsert = upsert;
  }

  @Override
  public CompletionStage<Done> process(EventEnvelope<E> envelope) {
    return currentState.apply(PersistenceId.extractEntityId(envelope.persistenceId()))
        .thenCompose(state -> row.apply(state)
            .map(upsert)
            .orElseGet(() -> CompletableFuture.completedFuture(Done.getInstance())));
  }
}
