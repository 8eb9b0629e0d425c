package io.plantsync.projections.outbound.signing;

import java.util.Arrays;
import java.util.Base64;

/**
 * A subscriber's signing secret in the Standard Webhooks form {@code whsec_<base64 key>}; the HMAC
 * key is the decoded part after the prefix. Generate one with
 * {@code echo "whsec_$(openssl rand -base64 32)"}. Never printed: {@link #toString} masks it.
 */
public final class WebhookSecret {
  public static final String PREFIX = "whsec_";
  /** The key sizes the Standard Webhooks specification asks for. */
  static final int MIN_KEY_BYTES = 24;
  static final int MAX_KEY_BYTES = 64;

  private final byte[] key;

  private WebhookSecret(byte[] key) {
    this.key = key;
  }

  /** @throws IllegalArgumentException with what is wrong, never with the secret itself */
  public static WebhookSecret parse(String secret) {
    if (secret == null || !secret.startsWith(PREFIX)) {
      throw new IllegalArgumentException("a webhook secret must start with " + PREFIX);
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a webhook secret must be " + PREFIX + " followed by standard base64");
    }
    if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) {
      throw new IllegalArgumentException("a webhook secret's key must be " + MIN_KEY_BYTES + " to "
          + MAX_KEY_BYTES + " bytes; this one has " + key.length);
    }
    return new WebhookSecret(key);
  }

  byte[] key() {
    return key.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WebhookSecret secret && Arrays.equals(key, secret.key);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(key);
  }

  @Override
  public String toString() {
    return PREFIX + "***";
  }
}
