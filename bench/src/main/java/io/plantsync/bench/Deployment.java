package io.plantsync.bench;

import io.plantsync.cluster.cassandra.EmbeddedCassandra;
import io.plantsync.cluster.cassandra.EmbeddedCassandraSettings;
import io.plantsync.cluster.local.NodeProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a benchmark runs against, started the README way: an embedded Cassandra 5.0 in its own JVM
 * and one PlantSync node (Main with dev.conf, {@link NodeProcess}) in another, on free ports, with
 * a fresh data folder. The node can be restarted with other settings (W5).
 */
final class Deployment implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

  private final Path dir;
  private final EmbeddedCassandra cassandra;
  private final NodeProcess.Ports ports;
  private final String heap;
  private NodeProcess node;

  private Deployment(Path dir, EmbeddedCassandra cassandra, NodeProcess.Ports ports, String heap) {
    this.dir = dir;
    this.cassandra = cassandra;
    this.ports = ports;
    this.heap = heap;
  }

  /** Deletes {@code dir}, starts Cassandra in it, then the node; returns once the node is ready. */
  static Deployment start(Path dir, String heap, Map<String, String> nodeProperties) throws Exception {
    deleteRecursively(dir);
    Files.createDirectories(dir);
    EmbeddedCassandra cassandra = EmbeddedCassandra.start(EmbeddedCassandraSettings.onFreePorts(dir.resolve("cassandra")));
    int[] free = EmbeddedCassandra.freePorts(3);
    Deployment deployment = new Deployment(dir, cassandra, new NodeProcess.Ports(free[0], free[1], free[2]), heap);
    try {
      deployment.startNode(nodeProperties);
    } catch (Exception e) {
      deployment.close();
      throw e;
    }
    return deployment;
  }

  /** Stops the node (SIGTERM: coordinated shutdown) and starts it again with {@code nodeProperties}. */
  void restartNode(Map<String, String> nodeProperties) throws Exception {
    node.close();
    startNode(nodeProperties);
  }

  private void startNode(Map<String, String> nodeProperties) throws Exception {
    Map<String, String> properties = new HashMap<>(nodeProperties);
    // A fresh keyspace has no events before yesterday: projections need not scan the hour buckets
    // since the production default (as the integration tests do, TestNode.FIRST_TIME_BUCKET).
    properties.putIfAbsent("pekko.persistence.cassandra.events-by-tag.first-time-bucket",
        LocalDate.now(ZoneOffset.UTC).minusDays(1).format(DateTimeFormatter.BASIC_ISO_DATE) + "T00:00");
    properties.putIfAbsent("plantsync.http.host", "127.0.0.1");
    // The bench is one client address standing for every adapter of a plant (up to 1,000 requests
    // in flight): the per-client share is for many real clients, as behind an ingress it is off.
    properties.putIfAbsent("plantsync.http.max-connections-per-client", "0");
    NodeProcess.Spec spec = new NodeProcess.Spec("bench-node", ports, List.of(), cassandra.contactPoint(),
        List.of("-Xms512m", "-Xmx" + heap), Map.copyOf(properties));
    long started = System.nanoTime();
    node = NodeProcess.start(spec, dir.resolve("node.log"));
    System.out.printf("Starting PlantSync node (pid %d, log %s)%n", node.pid(), dir.resolve("node.log"));
    node.awaitReady(READY_TIMEOUT);
    System.out.printf("PlantSync node ready after %.1f s: API %s, management %s%n", (System.nanoTime() - started) / 1e9,
        node.httpUri(), node.managementUri(""));
  }

  NodeProcess node() {
    return node;
  }

  EmbeddedCassandra cassandra() {
    return cassandra;
  }

  /** Stops the node (gracefully, killed after 60 s), then Cassandra. Idempotent. */
  @Override
  public void close() {
    try {
      if (node != null) node.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      cassandra.stop();
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(path);
    }
  }
}
