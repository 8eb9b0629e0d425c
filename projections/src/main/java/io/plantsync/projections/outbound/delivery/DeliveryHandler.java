package io.plantsync.projections.outbound.delivery;

import io.plantsync.aggregates.EntityKeys;
import io.plantsync.aggregates.common.Delay;
import io.plantsync.aggregates.observability.LogContext;
import io.plantsync.projections.outbound.delivery.WebhookSender.Attempt;
import io.plantsync.projections.outbound.events.PublicEvent;
import io.plantsync.projections.outbound.events.PublicEventMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.pekko.Done;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.javadsl.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one object type's events to one subscriber, one event at a time per tag, so each
 * object's events arrive in order. A failure worth retrying is retried with exponential backoff and
 * jitter (honouring Retry-After) up to the subscriber's limit; a refusal or an exhausted limit
 * turns the event into a dead letter, and the object's later events wait behind it as dead letters
 * too, while other objects keep flowing. The event id is the same on every attempt and replay, so
 * receivers deduplicate by {@code webhook-id}.
 */
final class DeliveryHandler extends Handler<EventEnvelope<Object>> {

  private static final Logger log = LoggerFactory.getLogger(DeliveryHandler.class);

  private final Subscriber subscriber;
  private final WebhookSender sender;
  private final DeadLetters deadLetters;
  private final SubscriberStats stats;
  private final Delay delay;

  DeliveryHandler(Subscriber subscriber, WebhookSender sender, DeadLetters deadLetters, SubscriberStats stats,
      Delay delay) {
    this.subscriber = subscriber;
    this.sender = sender;
    this.deadLetters = deadLetters;
    this.stats = stats;
    this.delay = delay;
  }

  @Override
  public CompletionStage<Done> process(EventEnvelope<Object> envelope) {
    PublicEvent event = PublicEventMapper.map(envelope);
    String plant = EntityKeys.ofPersistenceId(envelope.persistenceId()).plant();
    if (!subscriber.wants(event.type(), plant)) return CompletableFuture.completedFuture(Done.getInstance());
    byte[] body = event.toJsonBytes();
    return deadLetters.firstOf(subscriber.name(), envelope.persistenceId()).thenCompose(first -> {
      if (first.isEmpty() || first.getAsLong() > envelope.sequenceNr()) return attempt(envelope, event, plant, body, 1);
      // The event itself is the dead letter, delivered again after a restart: keep its first reason.
      if (first.getAsLong() == envelope.sequenceNr()) return CompletableFuture.completedFuture(Done.getInstance());
      return park(envelope, event, plant, body, "waiting behind an earlier dead letter of the same object", 0);
    });
  }

  private CompletionStage<Done> attempt(EventEnvelope<Object> envelope, PublicEvent event, String plant, byte[] body,
      int attempt) {
    return sender.send(event.id(), body).thenCompose(result -> {
      if (result instanceof Attempt.Delivered) {
        stats.delivered(envelope.timestamp(), System.currentTimeMillis());
        return CompletableFuture.completedFuture(Done.getInstance());
      }
      if (result instanceof Attempt.Refused refused) return park(envelope, event, plant, body, refused.reason(), attempt);
      Attempt.Retryable retry = (Attempt.Retryable) result;
      if (attempt >= subscriber.maxAttempts()) return park(envelope, event, plant, body, retry.reason(), attempt);
      stats.retried();
      Duration wait = retry.retryAfter() != null ? min(retry.retryAfter(), subscriber.maxBackoff()) : backoff(attempt);
      LogContext.around(null, null, envelope.persistenceId(), () -> log.info("Delivery of {} to {} failed ({}), "
          + "attempt {} of {}; next in {} ms", event.id(), subscriber.name(), retry.reason(), attempt,
          subscriber.maxAttempts(), wait.toMillis()));
      return delay.after(wait).thenCompose(ignored -> attempt(envelope, event, plant, body, attempt + 1));
    });
  }

  /** Exponential from first-backoff, capped at max-backoff, with full jitter in its upper half. */
  Duration backoff(int attempt) {
    long base = subscriber.firstBackoff().toMillis() << Math.min(attempt - 1, 20);
    long capped = Math.min(base, subscriber.maxBackoff().toMillis());
    return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private CompletionStage<Done> park(EventEnvelope<Object> envelope, PublicEvent event, String plant, byte[] body,
      String reason, int attempts) {
    LogContext.around(null, null, envelope.persistenceId(), () -> log.warn("Dead letter for {}: {} ({}, plant {}) "
        + "after {} attempt(s): {}", subscriber.name(), event.id(), event.type(), plant, attempts, reason));
    stats.deadLettered();
    return deadLetters.park(new DeadLetter(subscriber.name(), envelope.persistenceId(), envelope.sequenceNr(),
        event.id(), event.type(), plant, new String(body, StandardCharsets.UTF_8), reason, attempts, Instant.now()));
  }
}
