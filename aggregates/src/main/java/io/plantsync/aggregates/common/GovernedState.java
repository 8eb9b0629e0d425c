package io.plantsync.aggregates.common;

import io.plantsync.aggregates.ObjectFigures;
import java.time.Instant;

/**
 * The state of one business object: its business fields, changed by {@link #changedBy} alone, and
 * the {@link Bookkeeping} every object shares, changed here once for every event.
 */
public interface GovernedState<S extends GovernedState<S, E>, E extends GovernedEvent> {

  Bookkeeping bookkeeping();

  /** This state with {@code bookkeeping} instead of its own; business fields unchanged. */
  S with(Bookkeeping bookkeeping);

  /**
   * The business fields after {@code event}: no validation, never fails (the decision validated). An
   * event this state does not know is a programming error and fails loudly, in every object.
   */
  S changedBy(E event);

  /** The figures a stateless reader (a view row) needs, carried on each event as {@code EventMeta.figures}. */
  ObjectFigures figures();

  /** The state after {@code event}: the object's own change, then the shared bookkeeping. */
  default S apply(E event, int messageIdWindow) {
    return changedBy(event).with(bookkeeping().after(event, messageIdWindow));
  }

  /** Number of events applied so far: the journal sequence number. */
  default long version() {
    return bookkeeping().version();
  }

  /** When the last event was recorded; null before the first. */
  default Instant lastChangedAt() {
    return bookkeeping().lastChangedAt();
  }

  default ProcessedMessages processed() {
    return bookkeeping().processed();
  }

  /** The failure of {@link #changedBy} for an event it does not know. */
  static IllegalStateException unknownEvent(GovernedEvent event) {
    return new IllegalStateException("unhandled event " + event.getClass().getName());
  }
}
