package io.plantsync.projections.outbound.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.plantsync.aggregates.governance.AdapterKind;
import io.plantsync.projections.outbound.events.DefaultSubscriptions;
import io.plantsync.projections.outbound.events.PublicEventTypes;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SubscriberTest {

  static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  static Config with(String subscribers) {
    return ConfigFactory.parseString("plantsync.outbound.subscribers = [" + subscribers + "]")
        .withFallback(ConfigFactory.load());
  }

  @Test
  void aSubscriberGetsItsKindsDefaultTypesAndTheDefaultRetries() {
    var erp = Subscriber.fromConfig(with("{ name = erp, kind = ERP, url = \"https://erp.local/in\", secret = \""
        + SECRET + "\", plants = [\"1000\"] }")).get(0);
    assertThat(erp.eventTypes()).isEqualTo(DefaultSubscriptions.typesFor(AdapterKind.ERP));
    assertThat(erp.maxAttempts()).isEqualTo(8);
    assertThat(erp.wants(PublicEventTypes.OPERATION_CONFIRMED, "1000")).isTrue();
    assertThat(erp.wants(PublicEventTypes.OPERATION_CONFIRMED, "2000")).as("other plant").isFalse();
  }

  @Test
  void mistakesAreReportedAtStartUpWithTheSubscribersName() {
    assertThatThrownBy(() -> Subscriber.fromConfig(with("{ name = erp, kind = ERPX, url = \"https://x\", secret = \""
        + SECRET + "\" }"))).hasMessageContaining("subscriber 'erp'").hasMessageContaining("kind");
    assertThatThrownBy(() -> Subscriber.fromConfig(with("{ name = erp, kind = ERP, url = \"ftp://x\", secret = \""
        + SECRET + "\" }"))).hasMessageContaining("url must be http(s)");
    assertThatThrownBy(() -> Subscriber.fromConfig(with("{ name = erp, kind = ERP, url = \"https://x\", secret = \"plain\" }")))
        .hasMessageContaining("secret");
    assertThatThrownBy(() -> Subscriber.fromConfig(with("{ name = erp, kind = ERP, url = \"https://x\", secret = \""
        + SECRET + "\", event-types = [\"io.plantsync.nope.v1\"] }"))).hasMessageContaining("unknown event type");
    String one = "{ name = erp, kind = ERP, url = \"https://x\", secret = \"" + SECRET + "\" }";
    assertThatThrownBy(() -> Subscriber.fromConfig(with(one + ", " + one))).hasMessageContaining("used twice");
  }

  @Test
  void backoffGrowsExponentiallyWithJitterAndStaysUnderTheCap() {
    var subscriber = Subscriber.fromConfig(with("{ name = erp, kind = ERP, url = \"https://x\", secret = \"" + SECRET
        + "\", first-backoff = 100ms, max-backoff = 1s }")).get(0);
    var handler = new DeliveryHandler(subscriber, null, null, new SubscriberStats("erp", new SimpleMeterRegistry()),
        delay -> CompletableFuture.completedFuture(null));
    for (int i = 0; i < 50; i++) {
      assertThat(handler.backoff(1)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
      assertThat(handler.backoff(3)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
      assertThat(handler.backoff(30)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
    }
  }
}
