package io.plantsync.projections.outbound.signing;

/** A delivery that must not be trusted; the message says why (never with a secret or signature). */
public final class WebhookVerificationException extends RuntimeException {
  WebhookVerificationException(String message) {
    super(message);
  }
}
