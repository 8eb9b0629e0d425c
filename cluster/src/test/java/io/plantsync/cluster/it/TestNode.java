package io.plantsync.cluster.it;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.plantsync.cluster.PlantSyncNode;
import io.plantsync.cluster.cassandra.EmbeddedCassandra;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A real PlantSync node in the test JVM, configured like dev but on free ports. */
public final class TestNode implements AutoCloseable {

  /**
   * Every test event is from today: new projections need not scan the hour buckets since the
   * production default (weeks of empty buckets per tag). Yesterday, so a run across midnight is safe.
   */
  static final String FIRST_TIME_BUCKET = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1)
      .format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + "T00:00";

  private final PlantSyncNode node;
  private final int managementPort;

  private TestNode(PlantSyncNode node, int managementPort) {
    this.node = node;
    this.managementPort = managementPort;
  }

  public static TestNode start(EmbeddedCassandra cassandra) throws Exception {
    return start(cassandra, Map.of());
  }

  public static TestNode start(EmbeddedCassandra cassandra, Map<String, Object> overrides) throws Exception {
    int managementPort = EmbeddedCassandra.freePort();
    Config config = ConfigFactory.parseMap(overrides)
        .withFallback(ConfigFactory.parseMap(Map.of(
            "plantsync.cassandra.contact-points", cassandra.contactPoint(),
            "plantsync.embedded-cassandra.enabled", false,
            "plantsync.http.host", "127.0.0.1",
            "plantsync.http.port", 0,
            "pekko.remote.artery.canonical.port", 0,
            "pekko.management.http.port", managementPort,
            "pekko.coordinated-shutdown.exit-jvm", "off",
            // A second live copy of an entity must fail loudly in tests (failure mode FM-split-brain).
            "pekko.persistence.cassandra.journal.replay-filter.mode", "fail",
            "pekko.persistence.cassandra.events-by-tag.first-time-bucket", FIRST_TIME_BUCKET)))
        .withFallback(ConfigFactory.parseResources("dev.conf"));
    TestNode node = new TestNode(PlantSyncNode.start(ConfigFactory.load(config), Duration.ofSeconds(60)), managementPort);
    node.awaitReady(Duration.ofSeconds(90));
    return node;
  }

  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + node.httpAddress().getPort());
  }

  public URI managementUri(String path) {
    return URI.create("http://127.0.0.1:" + managementPort + path);
  }

  private void awaitReady(Duration timeout) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      try {
        var response = client.send(HttpRequest.newBuilder(managementUri("/ready")).build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) return;
        last = response.statusCode() + " " + response.body();
      } catch (java.io.IOException e) {
        last = e.toString();
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("node not ready after " + timeout + ": " + last);
  }

  @Override
  public void close() throws Exception {
    node.stop(Duration.ofSeconds(60));
  }
}
