package io.plantsync.cluster.it;

import static io.plantsync.cluster.it.Envelopes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Signed events to four receivers on loopback: a healthy one, one that fails its first calls, one
 * that times out, and one that refuses one object until it is fixed and its dead letters replayed;
 * the node is restarted in the middle. Every event arrives (deduplicated by id), in per-object
 * order, and the healthy receiver never waits for the others.
 */
@ExtendWith(SharedCassandra.class)
class OutboundIT {

  static final Duration DELIVERY = Duration.ofSeconds(60);

  @Test
  void everyEventArrivesInOrderDespiteFailingReceiversARestartAndReplay() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    String good = "OG-" + run;
    String bad = "OB-" + run;
    try (WebhookReceiver healthy = new WebhookReceiver();
        WebhookReceiver flaky = new WebhookReceiver();
        WebhookReceiver slow = new WebhookReceiver();
        WebhookReceiver picky = new WebhookReceiver()) {
      AtomicInteger flakyCalls = new AtomicInteger();
      flaky.answer = event -> flakyCalls.incrementAndGet() <= 3 ? 503 : 204;
      AtomicInteger slowCalls = new AtomicInteger();
      slow.answer = event -> {
        if (slowCalls.incrementAndGet() <= 2) sleep(3000); // past the subscriber's 1 s timeout
        return 204;
      };
      picky.answer = event -> event.path("subject").asText().endsWith("/" + bad) ? 400 : 204;

      Map<String, Object> overrides = Map.of("plantsync.outbound.subscribers", List.of(
          subscriber("healthy", healthy), subscriber("flaky", flaky), subscriber("slow", slow),
          subscriber("picky", picky)));
      try (TestNode first = TestNode.start(SharedCassandra.node(), overrides)) {
        ApiClient api = new ApiClient(first.baseUri());
        for (String order : List.of(good, bad)) {
          api.command("dev-planning-token", plan("P-" + order, "1000", order, "10", 1));
          api.command("dev-erp-token", release("E-" + order, "1000", order));
          api.command("dev-mes-1000-token", confirm("M-" + order, "1000", order, "C-1", "0010", "4", false));
        }
        // Stop while the slow and flaky receivers are still being retried.
        await().atMost(DELIVERY).until(() -> !healthy.about("1000/" + good).isEmpty());
      }

      try (TestNode node = TestNode.start(SharedCassandra.node(), overrides)) {
        for (WebhookReceiver receiver : List.of(healthy, flaky, slow)) {
          await().atMost(DELIVERY).untilAsserted(() -> {
            for (String order : List.of(good, bad)) assertInOrder(receiver, order, 3);
          });
        }
        // Each subscriber's projections resume on their own after the restart: picky may still be
        // catching up when the others are done, so this waits for it too.
        await().atMost(DELIVERY).untilAsserted(() -> assertInOrder(picky, good, 3));
        long healthyLag = healthy.about("1000/" + good).stream()
            .mapToLong(r -> r.receivedAtMillis() - Instant.parse(r.event().path("time").asText()).toEpochMilli())
            .max().orElseThrow();
        System.out.printf("Healthy receiver: max lag %d ms while the others failed%n", healthyLag);
        assertThat(healthyLag).isLessThan(10_000);
        assertThat(healthy.badSignatures + flaky.badSignatures + slow.badSignatures + picky.badSignatures).isZero();

        JsonNode letters = await().atMost(DELIVERY).until(() -> deadLetters(node, "picky", bad), l -> l.size() == 3);
        assertThat(letters.get(0).path("lastError").asText()).contains("400");
        assertThat(picky.about("1000/" + bad)).isEmpty();
        JsonNode pickyStatus = null;
        for (JsonNode subscriber : operator(node, "GET", "/v1/ops/sync-status").path("subscribers")) {
          if (subscriber.path("subscriber").asText().equals("picky")) pickyStatus = subscriber;
        }
        assertThat(pickyStatus.path("deadLetters").asLong()).isGreaterThanOrEqualTo(3);

        picky.answer = event -> 204;
        JsonNode report = operator(node, "POST",
            "/v1/ops/dead-letters/replay?subscriber=picky&object=ProductionOrder%7C1000/" + bad);
        assertThat(report.path("delivered").asInt()).isEqualTo(3);
        assertInOrder(picky, bad, 3);
        assertThat(deadLetters(node, "picky", bad)).isEmpty();
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Map<String, Object> subscriber(String name, WebhookReceiver receiver) {
    return Map.of("name", name, "kind", "ANALYTICS", "url", receiver.url(), "secret", receiver.secret,
        "plants", List.of("1000"), "max-attempts", 6, "first-backoff", "100ms", "max-backoff", "1s", "timeout", "1s");
  }

  /** The receiver has the object's first {@code count} events, each once, in sequence order. */
  private static void assertInOrder(WebhookReceiver receiver, String order, int count) {
    List<String> ids = receiver.about("1000/" + order).stream().map(WebhookReceiver.Received::id).toList();
    assertThat(ids).startsWith(java.util.stream.IntStream.rangeClosed(1, count)
        .mapToObj(seq -> "ProductionOrder|1000/" + order + "#" + seq).toArray(String[]::new));
  }

  private static JsonNode deadLetters(TestNode node, String subscriber, String order) throws Exception {
    JsonNode all = operator(node, "GET", "/v1/ops/dead-letters?subscriber=" + subscriber);
    var mine = WebhookReceiver.JSON.createArrayNode();
    all.forEach(letter -> {
      if (letter.path("persistenceId").asText().endsWith("/" + order)) mine.add(letter);
    });
    return mine;
  }

  private static JsonNode operator(TestNode node, String method, String path) throws Exception {
    var request = HttpRequest.newBuilder(URI.create(node.baseUri() + path))
        .header("Authorization", "Bearer dev-operator-token")
        .method(method, HttpRequest.BodyPublishers.noBody()).build();
    var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return WebhookReceiver.JSON.readTree(response.body());
  }
}
