package io.plantsync.aggregates.common;

import io.plantsync.aggregates.CborSerializable;
import java.time.Instant;

/**
 * What PlantSync keeps about every object besides its business fields: how many events it has
 * (its journal sequence number), when the last one was recorded, and the idempotency memory. The
 * same for every object, so kept here once ({@link GovernedState#apply}); in a snapshot these three
 * fields sit next to the business fields, as they always have.
 */
public record Bookkeeping(long version, Instant lastChangedAt, ProcessedMessages processed)
    implements CborSerializable {

  public static final Bookkeeping NONE = new Bookkeeping(0, null, ProcessedMessages.EMPTY);

  /** After {@code event}: version + 1, changed when it was recorded, its message remembered. */
  public Bookkeeping after(GovernedEvent event, int messageIdWindow) {
    long next = version + 1;
    return new Bookkeeping(next, event.meta().recordedAt(), processed.remember(event.meta().messageId(),
        event.businessKey(), next, event.getClass().getSimpleName(), messageIdWindow));
  }
}
