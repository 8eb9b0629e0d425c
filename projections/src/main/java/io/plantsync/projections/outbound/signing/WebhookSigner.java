package io.plantsync.projections.outbound.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs deliveries the Standard Webhooks way (https://www.standardwebhooks.com): {@code webhook-id}
 * is the event id, {@code webhook-timestamp} the Unix seconds of the attempt, and
 * {@code webhook-signature} is {@code v1,} + base64(HMAC-SHA256(key, id + "." + timestamp + "." + body)).
 * With more than one secret (rotating a subscriber's secret) it sends one signature per secret,
 * space-separated, so the receiver accepts the delivery with either the old or the new one.
 * Receivers verify with any Standard Webhooks library or {@link WebhookVerifier}.
 */
public final class WebhookSigner {
  static final String VERSION = "v1";

  private final List<WebhookSecret> secrets;

  public WebhookSigner(List<WebhookSecret> secrets) {
    if (secrets.isEmpty()) throw new IllegalArgumentException("a webhook signer needs at least one secret");
    this.secrets = List.copyOf(secrets);
  }

  public WebhookSigner(WebhookSecret secret) {
    this(List.of(secret));
  }

  /** The headers of a delivery of {@code body} (the exact bytes sent) attempted at {@code at}. */
  public SignedHeaders sign(String id, Instant at, byte[] body) {
    long timestamp = at.getEpochSecond();
    String signature = secrets.stream()
        .map(secret -> signature(secret, id, timestamp, body))
        .collect(Collectors.joining(" "));
    return new SignedHeaders(id, timestamp, signature);
  }

  /** One {@code v1,<base64>} entry: what the sender writes and the receiver recomputes. */
  static String signature(WebhookSecret secret, String id, long timestamp, byte[] body) {
    return VERSION + "," + Base64.getEncoder().encodeToString(hmac(secret, id, Long.toString(timestamp), body));
  }

  /** Over the timestamp exactly as the header carries it. */
  static byte[] hmac(WebhookSecret secret, String id, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
      mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
