package io.plantsync.cluster.it;

import static io.plantsync.cluster.it.Envelopes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plantsync.cluster.cassandra.EmbeddedCassandra;
import io.plantsync.cluster.cassandra.EmbeddedCassandraSettings;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Cassandra goes away under a running node: nothing is acknowledged without a write, readiness
 * goes down, and once Cassandra is back the node recovers by itself and the adapter's retry with
 * the same messageId has exactly one effect. Uses its own Cassandra, since it stops it.
 */
class CassandraOutageIT {

  @Test
  @Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
  void noAcknowledgementWithoutAWriteAndRecoveryWithoutRestart() throws Exception {
    Path work = Files.createDirectories(Path.of(System.getProperty("plantsync.test.work-dir", "target/it-work")));
    EmbeddedCassandraSettings settings = EmbeddedCassandraSettings.onFreePorts(Files.createTempDirectory(work, "outage-"));
    EmbeddedCassandra cassandra = EmbeddedCassandra.start(settings);
    try (TestNode node = TestNode.start(cassandra, Map.of("plantsync.http.ask-timeout", "3s"))) {
      ApiClient api = new ApiClient(node.baseUri());
      assertThat(api.command("dev-planning-token", plan("PLN-1", "1000", "OUT-1", "100", 1)).status()).isEqualTo(200);

      cassandra.stop();
      var during = api.command("dev-erp-token", release("ERP-1", "1000", "OUT-1"));
      assertThat(during.status()).isEqualTo(503);
      assertThat(during.code()).isEqualTo("unavailable");
      assertThat(during.raw().headers().firstValue("Retry-After")).isPresent();
      await().atMost(Duration.ofSeconds(20)).until(() -> readyStatus(node) != 200);

      cassandra = EmbeddedCassandra.start(settings);
      long back = System.nanoTime();
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> readyStatus(node) == 200);

      // The adapter retries the unanswered command until it gets an answer.
      ApiClient.Response retried = null;
      for (int attempt = 0; attempt < 30 && (retried == null || retried.status() == 503); attempt++) {
        retried = api.command("dev-erp-token", release("ERP-1", "1000", "OUT-1"));
        if (retried.status() == 503) Thread.sleep(1000);
      }
      assertThat(retried.status()).isEqualTo(200);
      System.out.printf("Node answered again %.1f s after Cassandra was back%n", (System.nanoTime() - back) / 1e9);
      var read = api.get("dev-erp-token", "/v1/production-orders/1000/OUT-1").body();
      assertThat(read.path("status").asText()).isEqualTo("RELEASED");
      assertThat(read.path("objectVersion").asLong()).as("exactly one release persisted").isEqualTo(2);
    } finally {
      cassandra.stop();
    }
  }

  private static int readyStatus(TestNode node) {
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(node.managementUri("/ready")).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }
}
