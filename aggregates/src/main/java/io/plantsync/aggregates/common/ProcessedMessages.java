package io.plantsync.aggregates.common;

import io.plantsync.aggregates.CborSerializable;
import io.plantsync.aggregates.common.CommandReply.Accepted;
import io.plantsync.aggregates.common.CommandReply.Outcome;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The idempotency memory of one object: every applied messageId, and every business key (such as a
 * confirmationId) with the outcome it produced. Rebuilt from the events on recovery, so a retry is
 * answered with the first outcome for as long as the object lives.
 */
public record ProcessedMessages(Map<String, Applied> byMessageId, Map<String, Applied> byBusinessKey)
    implements CborSerializable {

  /** The outcome of one applied command, as its duplicates are answered. */
  public record Applied(long objectVersion, List<String> events) implements CborSerializable {
    public Applied {
      events = List.copyOf(events);
    }

    public Accepted asDuplicateReply() {
      return new Accepted(Outcome.APPLIED, true, objectVersion, events);
    }
  }

  public static final ProcessedMessages EMPTY = new ProcessedMessages(Map.of(), Map.of());

  public ProcessedMessages {
    byMessageId = Map.copyOf(byMessageId);
    byBusinessKey = Map.copyOf(byBusinessKey);
  }

  /** The first outcome of this messageId, or of this business key (may be null), if any. */
  public Optional<Accepted> earlierOutcome(String messageId, String businessKey) {
    Applied applied = byMessageId.get(messageId);
    if (applied == null && businessKey != null) applied = byBusinessKey.get(businessKey);
    return Optional.ofNullable(applied).map(Applied::asDuplicateReply);
  }

  public ProcessedMessages remember(
      String messageId, String businessKey, long objectVersion, String event) {
    Applied applied = new Applied(objectVersion, List.of(event));
    Map<String, Applied> messages = new HashMap<>(byMessageId);
    messages.put(messageId, applied);
    Map<String, Applied> keys = byBusinessKey;
    if (businessKey != null) {
      keys = new HashMap<>(byBusinessKey);
      keys.put(businessKey, applied);
    }
    return new ProcessedMessages(messages, keys);
  }
}
