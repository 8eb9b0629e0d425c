package io.plantsync.projections.outbound.signing;

import java.util.LinkedHashMap;
import java.util.Map;

/** The three Standard Webhooks headers of one delivery. */
public record SignedHeaders(String id, long timestamp, String signature) {
  public static final String WEBHOOK_ID = "webhook-id";
  public static final String WEBHOOK_TIMESTAMP = "webhook-timestamp";
  public static final String WEBHOOK_SIGNATURE = "webhook-signature";

  /** Header name to value, in the order above. */
  public Map<String, String> asMap() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(WEBHOOK_ID, id);
    headers.put(WEBHOOK_TIMESTAMP, Long.toString(timestamp));
    headers.put(WEBHOOK_SIGNATURE, signature);
    return headers;
  }
}
