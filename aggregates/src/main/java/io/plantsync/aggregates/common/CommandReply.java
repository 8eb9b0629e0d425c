package io.plantsync.aggregates.common;

import io.plantsync.aggregates.CborSerializable;
import java.util.List;

/** What an entity answers to a business command: accepted (applied or stale) or rejected. */
public sealed interface CommandReply extends CborSerializable {

  enum Outcome {
    APPLIED,
    STALE
  }

  /**
   * The command was applied, or was stale, or repeats an earlier message ({@code duplicate}); in
   * every case the object is at {@code objectVersion} (its journal sequence number).
   */
  record Accepted(Outcome outcome, boolean duplicate, long objectVersion, List<String> events)
      implements CommandReply {
    public Accepted {
      events = List.copyOf(events);
    }

    public Accepted asDuplicate() {
      return new Accepted(outcome, true, objectVersion, events);
    }
  }

  /** Refused with one of the product's codes; nothing was changed. */
  record Rejected(ErrorCode code, String detail) implements CommandReply {}
}
