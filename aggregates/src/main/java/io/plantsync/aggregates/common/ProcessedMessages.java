package io.plantsync.aggregates.common;

import io.plantsync.aggregates.CborSerializable;
import io.plantsync.aggregates.common.CommandReply.Accepted;
import io.plantsync.aggregates.common.CommandReply.Outcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The idempotency memory of one object, rebuilt from its events on recovery.
 *
 * <p>Business keys (confirmationId, movementId, countId, reservationId, interruptionId) are kept for
 * the object's whole life: they name facts that add up (yield, stock), so a late repeat must never
 * apply twice. Plain messageIds are kept in a window of the most recent N per object. That bound is
 * safe because a message outside the window can no longer change state wrongly: its facts carry
 * business keys, state-replacing commands carry a sourceVersion (an old one is stale), and a repeated
 * transition (release, complete, close ...) is refused by the lifecycle. See src/docs/idempotency.md.
 */
public record ProcessedMessages(
    Map<String, Applied> byMessageId, List<String> messageIdsOldestFirst, Map<String, Applied> byBusinessKey)
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

  public static final ProcessedMessages EMPTY = new ProcessedMessages(Map.of(), List.of(), Map.of());

  public ProcessedMessages {
    byMessageId = Map.copyOf(byMessageId);
    messageIdsOldestFirst = List.copyOf(messageIdsOldestFirst);
    byBusinessKey = Map.copyOf(byBusinessKey);
  }

  /** The first outcome of this messageId, or of this business key (may be null), if remembered. */
  public Optional<Accepted> earlierOutcome(String messageId, String businessKey) {
    Applied applied = byMessageId.get(messageId);
    if (applied == null && businessKey != null) applied = byBusinessKey.get(businessKey);
    return Optional.ofNullable(applied).map(Applied::asDuplicateReply);
  }

  public ProcessedMessages remember(
      String messageId, String businessKey, long objectVersion, String event, int messageIdWindow) {
    Applied applied = new Applied(objectVersion, List.of(event));
    Map<String, Applied> messages = new HashMap<>(byMessageId);
    List<String> order = new ArrayList<>(messageIdsOldestFirst);
    if (messages.put(messageId, applied) == null) order.add(messageId);
    while (order.size() > messageIdWindow) messages.remove(order.remove(0));
    Map<String, Applied> keys = byBusinessKey;
    if (businessKey != null) {
      keys = new HashMap<>(byBusinessKey);
      keys.put(businessKey, applied);
    }
    return new ProcessedMessages(messages, order, keys);
  }
}
