package io.plantsync.projections.outbound.delivery;

import io.plantsync.projections.outbound.events.PublicEvent;
import io.plantsync.projections.outbound.signing.SignedHeaders;
import io.plantsync.projections.outbound.signing.WebhookSigner;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * One signed POST of one event body to one subscriber. Each subscriber has its own client, so its
 * own connection pool: a slow ERP cannot take the MES's connections, and at most its
 * {@code max-connections} requests are in flight. Response bodies are always
 * discarded, so no connection is left blocked (failure mode FM-blocked-connection, src/docs/failure-modes.md).
 */
final class WebhookSender {

  /** What one attempt achieved. */
  sealed interface Attempt {
    record Delivered() implements Attempt {}

    /** Worth trying again (connect error, timeout, 408, 429, 5xx), after {@code retryAfter} if the receiver said so. */
    record Retryable(String reason, Duration retryAfter) implements Attempt {}

    /** The receiver refused the event itself (other 4xx): retrying unchanged cannot help. */
    record Refused(String reason) implements Attempt {}
  }

  private final Subscriber subscriber;
  private final WebhookSigner signer;
  private final HttpClient client;
  private final InFlightLimit connections;

  /** @param dispatcher runs the client's callbacks (its default is a thread pool of its own) */
  WebhookSender(Subscriber subscriber, Executor dispatcher) {
    this.subscriber = subscriber;
    this.signer = new WebhookSigner(subscriber.secret());
    this.client = HttpClient.newBuilder().connectTimeout(subscriber.timeout()).executor(dispatcher).build();
    this.connections = new InFlightLimit(subscriber.maxConnections());
  }

  /** Sends once a connection is free (at most the subscriber's max-connections at a time). */
  CompletionStage<Attempt> send(String eventId, byte[] body) {
    return connections.run(() -> sendNow(eventId, body));
  }

  private CompletionStage<Attempt> sendNow(String eventId, byte[] body) {
    SignedHeaders signed = signer.sign(eventId, Instant.now(), body);
    HttpRequest.Builder request = HttpRequest.newBuilder(subscriber.url())
        .timeout(subscriber.timeout())
        .header("Content-Type", PublicEvent.CONTENT_TYPE)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    signed.asMap().forEach(request::header);
    return client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
        .handle((response, failure) -> failure != null ? failed(failure) : classify(response));
  }

  private static Attempt failed(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    String kind = cause instanceof HttpTimeoutException ? "timeout" : "connection failed";
    return new Attempt.Retryable(kind + ": " + cause, null);
  }

  private static Attempt classify(HttpResponse<Void> response) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) return new Attempt.Delivered();
    if (status == 408 || status == 429 || status >= 500) {
      Duration retryAfter = response.headers().firstValue("Retry-After").flatMap(WebhookSender::seconds).orElse(null);
      return new Attempt.Retryable("HTTP " + status, retryAfter);
    }
    return new Attempt.Refused("HTTP " + status);
  }

  private static java.util.Optional<Duration> seconds(String value) {
    try {
      return java.util.Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
    } catch (NumberFormatException notSeconds) {
      return java.util.Optional.empty();
    }
  }
}
