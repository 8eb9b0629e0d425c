package io.plantsync.projections.outbound.signing;

import static io.plantsync.projections.outbound.signing.SignedHeaders.WEBHOOK_ID;
import static io.plantsync.projections.outbound.signing.SignedHeaders.WEBHOOK_SIGNATURE;
import static io.plantsync.projections.outbound.signing.SignedHeaders.WEBHOOK_TIMESTAMP;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * The receiver's side of {@link WebhookSigner}, as the Standard Webhooks specification describes it:
 * the delivery is trusted when one {@code v1} signature in {@code webhook-signature} matches the HMAC
 * recomputed over the exact body received, compared in constant time, and {@code webhook-timestamp}
 * is within the tolerance of the receiver's clock either way (a captured delivery cannot be
 * replayed later). Used by PlantSync's own delivery tests and shown to receivers in src/docs/outbound.md.
 */
public final class WebhookVerifier {
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  private final WebhookSecret secret;
  private final Duration tolerance;
  private final Clock clock;

  public WebhookVerifier(WebhookSecret secret, Duration tolerance, Clock clock) {
    this.secret = secret;
    this.tolerance = tolerance;
    this.clock = clock;
  }

  public WebhookVerifier(WebhookSecret secret) {
    this(secret, DEFAULT_TOLERANCE, Clock.systemUTC());
  }

  /** @param headers the request's headers; names are matched case-insensitively, as HTTP does */
  public void verify(Map<String, String> headers, byte[] body) {
    Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    byName.putAll(headers);
    verify(byName.get(WEBHOOK_ID), byName.get(WEBHOOK_TIMESTAMP), byName.get(WEBHOOK_SIGNATURE), body);
  }

  /** @throws WebhookVerificationException when the delivery must be rejected */
  public void verify(String id, String timestamp, String signatures, byte[] body) {
    if (id == null || timestamp == null || signatures == null) {
      throw new WebhookVerificationException(
          "missing " + WEBHOOK_ID + ", " + WEBHOOK_TIMESTAMP + " or " + WEBHOOK_SIGNATURE + " header");
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      throw new WebhookVerificationException(WEBHOOK_TIMESTAMP + " is not Unix seconds: " + timestamp);
    }
    long skew = Math.abs(clock.instant().getEpochSecond() - seconds);
    if (skew > tolerance.toSeconds()) {
      throw new WebhookVerificationException(
          WEBHOOK_TIMESTAMP + " is " + skew + " s away from now, more than the tolerance of " + tolerance.toSeconds() + " s");
    }
    byte[] expected = WebhookSigner.hmac(secret, id, timestamp, body);
    for (String entry : signatures.trim().split(" +")) {
      int comma = entry.indexOf(',');
      if (comma < 0 || !entry.substring(0, comma).equals(WebhookSigner.VERSION)) continue;
      if (MessageDigest.isEqual(expected, decode(entry.substring(comma + 1)))) return;
    }
    throw new WebhookVerificationException("no " + WebhookSigner.VERSION + " signature matches the body");
  }

  private static byte[] decode(String base64) {
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      return new byte[0];
    }
  }
}
