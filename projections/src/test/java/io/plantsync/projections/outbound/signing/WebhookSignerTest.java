package io.plantsync.projections.outbound.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Deliveries are signed so that any Standard Webhooks receiver can verify them. */
class WebhookSignerTest {

  // The Standard Webhooks specification's published test vector.
  static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  static final Instant SPEC_AT = Instant.ofEpochSecond(1614265330);
  static final byte[] SPEC_BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
  static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

  static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(
      "plantsync-erp-subscriber-key-32b".getBytes(StandardCharsets.US_ASCII));
  static final String EVENT_ID = "ProductionOrder|1000/OA-100#7";
  static final Instant SENT_AT = Instant.parse("2026-11-27T08:07:01Z");
  static final byte[] BODY = ("{\"specversion\":\"1.0\",\"id\":\"ProductionOrder|1000/OA-100#7\","
      + "\"data\":{\"plant\":\"1000\",\"yield\":118,\"note\":\"Müller\"}}").getBytes(StandardCharsets.UTF_8);

  @Test
  void reproducesTheStandardWebhooksReferenceSignature() {
    SignedHeaders headers = new WebhookSigner(WebhookSecret.parse(SPEC_SECRET)).sign(SPEC_ID, SPEC_AT, SPEC_BODY);

    assertThat(headers.asMap()).containsExactly(
        Map.entry("webhook-id", SPEC_ID),
        Map.entry("webhook-timestamp", "1614265330"),
        Map.entry("webhook-signature", SPEC_SIGNATURE));
  }

  @Test
  void signsIdDotTimestampDotBodyWithTheDecodedKey() throws Exception {
    SignedHeaders headers = new WebhookSigner(WebhookSecret.parse(SECRET)).sign(EVENT_ID, SENT_AT, BODY);

    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("plantsync-erp-subscriber-key-32b".getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
    byte[] expected = mac.doFinal((EVENT_ID + "." + SENT_AT.getEpochSecond() + "." + new String(BODY,
        StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
    assertThat(headers.id()).isEqualTo(EVENT_ID);
    assertThat(headers.timestamp()).isEqualTo(1795766821L);
    assertThat(headers.signature()).isEqualTo("v1," + Base64.getEncoder().encodeToString(expected));
  }

  @Test
  void whileASecretIsRotatedEachSecretSignsAndEitherVerifies() {
    WebhookSecret old = WebhookSecret.parse(SECRET);
    WebhookSecret rotated = WebhookSecret.parse(SPEC_SECRET);
    SignedHeaders headers = new WebhookSigner(List.of(old, rotated)).sign(EVENT_ID, SENT_AT, BODY);

    assertThat(headers.signature().split(" ")).hasSize(2);
    assertThatCode(() -> verifierAt(old, SENT_AT).verify(headers.asMap(), BODY)).doesNotThrowAnyException();
    assertThatCode(() -> verifierAt(rotated, SENT_AT).verify(headers.asMap(), BODY)).doesNotThrowAnyException();
  }

  @Test
  void theVerifierAcceptsTheSpecVectorWithHeaderNamesInAnyCase() {
    WebhookVerifier verifier = verifierAt(WebhookSecret.parse(SPEC_SECRET), SPEC_AT.plusSeconds(299));

    assertThatCode(() -> verifier.verify(Map.of("Webhook-Id", SPEC_ID, "WEBHOOK-TIMESTAMP", "1614265330",
        "webhook-signature", "v1a,ignored " + SPEC_SIGNATURE), SPEC_BODY)).doesNotThrowAnyException();
  }

  @Test
  void theVerifierRejectsAChangedBodyIdOrTimestampAndAnotherSecret() {
    WebhookSecret secret = WebhookSecret.parse(SECRET);
    Map<String, String> headers = new WebhookSigner(secret).sign(EVENT_ID, SENT_AT, BODY).asMap();
    String signature = headers.get("webhook-signature");
    WebhookVerifier verifier = verifierAt(secret, SENT_AT);

    byte[] changedBody = new String(BODY, StandardCharsets.UTF_8).replace("118", "119")
        .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> verifier.verify(headers, changedBody)).hasMessageContaining("no v1 signature");
    assertThatThrownBy(() -> verifier.verify("ProductionOrder|1000/OA-100#8", "1795766821", signature, BODY))
        .isInstanceOf(WebhookVerificationException.class);
    assertThatThrownBy(() -> verifier.verify(EVENT_ID, "1795766822", signature, BODY))
        .isInstanceOf(WebhookVerificationException.class);
    assertThatThrownBy(() -> verifierAt(WebhookSecret.parse(SPEC_SECRET), SENT_AT).verify(headers, BODY))
        .isInstanceOf(WebhookVerificationException.class);
    assertThatThrownBy(() -> verifier.verify(Map.of("webhook-id", EVENT_ID), BODY)).hasMessageContaining("missing");
  }

  @Test
  void theVerifierRejectsATimestampMoreThanFiveMinutesAwayEitherWay() {
    WebhookSecret secret = WebhookSecret.parse(SECRET);
    Map<String, String> headers = new WebhookSigner(secret).sign(EVENT_ID, SENT_AT, BODY).asMap();

    assertThatCode(() -> verifierAt(secret, SENT_AT.plusSeconds(300)).verify(headers, BODY))
        .doesNotThrowAnyException();
    assertThatCode(() -> verifierAt(secret, SENT_AT.minusSeconds(300)).verify(headers, BODY))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> verifierAt(secret, SENT_AT.plusSeconds(301)).verify(headers, BODY))
        .hasMessageContaining("tolerance");
    assertThatThrownBy(() -> verifierAt(secret, SENT_AT.minusSeconds(301)).verify(headers, BODY))
        .hasMessageContaining("tolerance");
    assertThatThrownBy(() -> verifierAt(secret, SENT_AT).verify(EVENT_ID, "yesterday", "v1,xx", BODY))
        .hasMessageContaining("Unix seconds");
  }

  @Test
  void aSecretMustBeWhsecBase64OfAUsefulLengthAndIsNeverPrinted() {
    assertThatThrownBy(() -> WebhookSecret.parse("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).hasMessageContaining("whsec_");
    assertThatThrownBy(() -> WebhookSecret.parse("whsec_not base64!")).hasMessageContaining("base64");
    assertThatThrownBy(() -> WebhookSecret.parse("whsec_c2hvcnQ=")).hasMessageContaining("24 to 64 bytes")
        .hasMessageNotContaining("c2hvcnQ");
    assertThat(WebhookSecret.parse(SECRET).toString()).isEqualTo("whsec_***");
    assertThat(WebhookSecret.parse(SECRET)).isEqualTo(WebhookSecret.parse(SECRET));
  }

  private static WebhookVerifier verifierAt(WebhookSecret secret, Instant now) {
    return new WebhookVerifier(secret, Duration.ofMinutes(5), Clock.fixed(now, ZoneOffset.UTC));
  }
}
