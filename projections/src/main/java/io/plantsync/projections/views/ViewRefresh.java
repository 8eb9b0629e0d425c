package io.plantsync.projections.views;

import io.plantsync.aggregates.common.GovernedEvent;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.Done;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.javadsl.Handler;

/**
 * Keeps one object's view row equal to the object after its newest event, with absolute values. The
 * event carries the object's figures after it ({@code EventMeta.figures}), so the row is written
 * from the event alone: no read of the object, which would wait behind the object's own writes. An
 * event recorded before events carried figures asks the object for its current state instead (the
 * way every event was handled before; only replays of older journals take it).
 *
 * <p>Rows are written {@code USING TIMESTAMP objectVersion} ({@link ViewTables}), so a replayed,
 * repeated or late event never takes a row back to an older version: the handler is idempotent and
 * insensitive to order. An object that has no row yet (see the row's {@code of}) writes nothing.
 *
 * @param <S> the object's state
 * @param <R> the object's view row
 * @param <E> the object's events
 */
public final class ViewRefresh<S, R, E extends GovernedEvent> extends Handler<EventEnvelope<E>> {

  private final Function<EventEnvelope<E>, Optional<R>> rowOfEvent;
  private final Function<String, CompletionStage<S>> currentState;
  private final Function<S, Optional<R>> rowOfState;
  private final Function<R, CompletionStage<Done>> upsert;

  /**
   * @param rowOfEvent the object's row from an event that carries figures, if the object has one
   * @param currentState the state of the object with the given entity id (events without figures)
   * @param rowOfState the object's row from its state, if it has one
   * @param upsert writes a row
   */
  public ViewRefresh(Function<EventEnvelope<E>, Optional<R>> rowOfEvent,
      Function<String, CompletionStage<S>> currentState, Function<S, Optional<R>> rowOfState,
      Function<R, CompletionStage<Done>> upsert) {
    this.rowOfEvent = rowOfEvent;
    this.currentState = currentState;
    this.rowOfState = rowOfState;
    this.upsert = upsert;
  }

  @Override
  public CompletionStage<Done> process(EventEnvelope<E> envelope) {
    CompletionStage<Optional<R>> row = envelope.event().meta().figures() != null
        ? CompletableFuture.completedFuture(rowOfEvent.apply(envelope))
        : currentState.apply(PersistenceId.extractEntityId(envelope.persistenceId())).thenApply(rowOfState);
    return row.thenCompose(r -> r.map(upsert).orElseGet(() -> CompletableFuture.completedFuture(Done.getInstance())));
  }
}
