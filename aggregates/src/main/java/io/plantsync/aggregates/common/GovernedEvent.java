package io.plantsync.aggregates.common;

import io.plantsync.aggregates.CborSerializable;

/** An event caused by one {@link GovernedCommand}: it carries what idempotency needs to remember. */
public interface GovernedEvent extends CborSerializable {
  EventMeta meta();

  /** The business key of the command that caused it (null if none). */
  default String businessKey() {
    return null;
  }
}
