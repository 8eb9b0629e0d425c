package io.plantsync.aggregates.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.plantsync.aggregates.CborSerializable;
import io.plantsync.aggregates.common.CommandReply.Accepted;
import io.plantsync.aggregates.common.CommandReply.Outcome;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import scala.collection.immutable.Queue;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The idempotency memory of one object, rebuilt from its events on recovery.
 *
 * <p>Business keys (confirmationId, movementId, countId, reservationId, interruptionId) are kept for
 * the object's whole life: they name facts that add up (yield, stock), so a late repeat must never
 * apply twice. Plain messageIds are kept in a window of the most recent N per object. That bound is
 * safe because a message outside the window can no longer change state wrongly: its facts carry
 * business keys, state-replacing commands carry a sourceVersion (an old one is stale), and a repeated
 * transition (release, complete, close ...) is refused by the lifecycle. See src/docs/idempotency.md.
 *
 * <p>Every event makes a new memory, so it is built on persistent collections ({@link PersistentMap},
 * Scala's {@code Queue}): remembering shares all but a few nodes with the previous memory instead of
 * copying every business key an object ever saw (which made a busy lot's events cost O(its history);
 * performance.md). The JSON form (snapshots) is plain maps and a list, as before.
 */
public final class ProcessedMessages implements CborSerializable {

  /** The outcome of one applied command, as its duplicates are answered. */
  public record Applied(long objectVersion, List<String> events) implements CborSerializable {
    public Applied {
      events = List.copyOf(events);
    }

    public Accepted asDuplicateReply() {
      return new Accepted(Outcome.APPLIED, true, objectVersion, events);
    }
  }

  public static final ProcessedMessages EMPTY = of(Map.of(), List.of(), Map.of());

  private final PersistentMap<Applied> byMessageId;
  private final Queue<String> messageIdsOldestFirst;
  private final PersistentMap<Applied> byBusinessKey;

  private ProcessedMessages(
      PersistentMap<Applied> byMessageId, Queue<String> messageIdsOldestFirst, PersistentMap<Applied> byBusinessKey) {
    this.byMessageId = byMessageId;
    this.messageIdsOldestFirst = messageIdsOldestFirst;
    this.byBusinessKey = byBusinessKey;
  }

  /** Read from a snapshot. */
  @JsonCreator
  public static ProcessedMessages of(
      @JsonProperty("byMessageId") Map<String, Applied> byMessageId,
      @JsonProperty("messageIdsOldestFirst") List<String> messageIdsOldestFirst,
      @JsonProperty("byBusinessKey") Map<String, Applied> byBusinessKey) {
    return new ProcessedMessages(
        PersistentMap.of(byMessageId),
        Queue.from(CollectionConverters.asScala(messageIdsOldestFirst == null ? List.<String>of() : messageIdsOldestFirst)),
        PersistentMap.of(byBusinessKey));
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
    Queue<String> order = byMessageId.containsKey(messageId) ? messageIdsOldestFirst : messageIdsOldestFirst.enqueue(messageId);
    PersistentMap<Applied> messages = byMessageId.with(messageId, applied);
    while (order.size() > messageIdWindow) {
      messages = messages.without(order.head());
      order = order.tail();
    }
    PersistentMap<Applied> keys = businessKey == null ? byBusinessKey : byBusinessKey.with(businessKey, applied);
    return new ProcessedMessages(messages, order, keys);
  }

  @JsonProperty("byMessageId")
  public Map<String, Applied> byMessageId() {
    return byMessageId.asMap();
  }

  @JsonProperty("messageIdsOldestFirst")
  public List<String> messageIdsOldestFirst() {
    return CollectionConverters.asJava(messageIdsOldestFirst);
  }

  @JsonProperty("byBusinessKey")
  public Map<String, Applied> byBusinessKey() {
    return byBusinessKey.asMap();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ProcessedMessages that
        && byMessageId.equals(that.byMessageId)
        && messageIdsOldestFirst.equals(that.messageIdsOldestFirst)
        && byBusinessKey.equals(that.byBusinessKey);
  }

  @Override
  public int hashCode() {
    return Objects.hash(byMessageId, messageIdsOldestFirst, byBusinessKey);
  }

  @Override
  public String toString() {
    return "ProcessedMessages[" + messageIdsOldestFirst.size() + " messageIds, " + byBusinessKey.size() + " business keys]";
  }
}
