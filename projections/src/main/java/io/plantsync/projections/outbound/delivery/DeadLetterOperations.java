package io.plantsync.projections.outbound.delivery;

import io.plantsync.projections.outbound.delivery.WebhookSender.Attempt;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What operators do with dead letters: look at them, send them again in order, or drop one with a reason. */
public final class DeadLetterOperations {

  /** The outcome of a replay: how many went out, how many are still parked, and why the rest stopped. */
  public record ReplayReport(String subscriber, int delivered, int remaining, String stoppedBecause) {}

  private static final Logger log = LoggerFactory.getLogger(DeadLetterOperations.class);

  private final Map<String, Subscriber> subscribers;
  private final Map<String, WebhookSender> senders;
  private final DeadLetters deadLetters;

  DeadLetterOperations(Map<String, Subscriber> subscribers, Map<String, WebhookSender> senders, DeadLetters deadLetters) {
    this.subscribers = subscribers;
    this.senders = senders;
    this.deadLetters = deadLetters;
  }

  public boolean knows(String subscriber) {
    return subscribers.containsKey(subscriber);
  }

  /** The subscriber's dead letters, optionally of one plant and/or one object (persistence id). */
  public CompletionStage<List<DeadLetter>> list(String subscriber, String plant, String persistenceId) {
    return deadLetters.list(subscriber).thenApply(all -> all.stream()
        .filter(l -> plant == null || plant.equals(l.plant()))
        .filter(l -> persistenceId == null || persistenceId.equals(l.persistenceId()))
        .toList());
  }

  /** Replays one object's dead letters (or, with {@code persistenceId} null, every object's), oldest first. */
  public CompletionStage<ReplayReport> replay(String subscriber, String persistenceId) {
    CompletionStage<List<String>> objects = persistenceId != null ? CompletableFuture.completedFuture(List.of(persistenceId))
        : deadLetters.list(subscriber).thenApply(all -> List.copyOf(
            new LinkedHashSet<>(all.stream().map(DeadLetter::persistenceId).toList())));
    return objects.thenCompose(ids -> {
      CompletionStage<ReplayReport> report = CompletableFuture.completedFuture(new ReplayReport(subscriber, 0, 0, null));
      for (String id : ids) {
        report = report.thenCompose(sofar -> replayObject(subscriber, id).thenApply(one ->
            new ReplayReport(subscriber, sofar.delivered() + one.delivered(), sofar.remaining() + one.remaining(),
                sofar.stoppedBecause() != null ? sofar.stoppedBecause() : one.stoppedBecause())));
      }
      return report;
    });
  }

  /** In sequence order until none is left (events may park behind while it runs) or one fails again. */
  private CompletionStage<ReplayReport> replayObject(String subscriber, String persistenceId) {
    return deadLetters.ofObject(subscriber, persistenceId).thenCompose(letters -> {
      if (letters.isEmpty()) return CompletableFuture.completedFuture(new ReplayReport(subscriber, 0, 0, null));
      List<DeadLetter> ordered = new ArrayList<>(letters);
      ordered.sort(Comparator.comparingLong(DeadLetter::sequenceNr));
      return sendInOrder(subscriber, ordered, 0).thenCompose(sent -> sent.stoppedBecause() != null
          ? CompletableFuture.completedFuture(sent)
          : replayObject(subscriber, persistenceId).thenApply(more ->
              new ReplayReport(subscriber, sent.delivered() + more.delivered(), more.remaining(), more.stoppedBecause())));
    });
  }

  private CompletionStage<ReplayReport> sendInOrder(String subscriber, List<DeadLetter> letters, int index) {
    if (index == letters.size()) return CompletableFuture.completedFuture(new ReplayReport(subscriber, index, 0, null));
    DeadLetter letter = letters.get(index);
    return senders.get(subscriber).send(letter.eventId(), letter.body().getBytes(StandardCharsets.UTF_8))
        .thenCompose(result -> {
          if (!(result instanceof Attempt.Delivered)) {
            String reason = letter.eventId() + ": " + result;
            log.warn("Replay to {} stopped at {}", subscriber, reason);
            return CompletableFuture.completedFuture(new ReplayReport(subscriber, index, letters.size() - index, reason));
          }
          return deadLetters.remove(letter).thenCompose(done -> sendInOrder(subscriber, letters, index + 1));
        });
  }

  /** Drops one dead letter for good; it is kept with the reason in the audit table. */
  public CompletionStage<Boolean> discard(String subscriber, String persistenceId, long sequenceNr, String reason) {
    return deadLetters.ofObject(subscriber, persistenceId).thenCompose(letters -> letters.stream()
        .filter(l -> l.sequenceNr() == sequenceNr).findFirst()
        .map(letter -> {
          log.warn("Discarded dead letter {} for {} ({}): {}", letter.eventId(), subscriber, letter.eventType(), reason);
          return deadLetters.discard(letter, reason).thenApply(done -> true);
        })
        .orElse(CompletableFuture.completedFuture(false)));
  }
}
