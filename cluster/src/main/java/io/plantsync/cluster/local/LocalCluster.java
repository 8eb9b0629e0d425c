package io.plantsync.cluster.local;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.plantsync.cluster.NodeSettings;
import io.plantsync.cluster.cassandra.EmbeddedCassandra;
import io.plantsync.http.HttpSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/plantsync cluster N}: N nodes on this machine, each in its own JVM, sharing one embedded
 * Cassandra (or PLANTSYNC_CASSANDRA_CONTACT_POINTS), joined through config-based seed nodes. Node i
 * (from 1) listens on the dev ports + (i - 1): adapter API 8080.., management 7626.., remoting 25520...
 * Nodes can be killed and restarted by hand to watch shards move; Ctrl-C stops them all, then Cassandra.
 */
public final class LocalCluster {
  private LocalCluster() {}

  static final int MAX_NODES = 9;
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
  private static final Duration RESTART_DELAY = Duration.ofSeconds(5);
  private static volatile boolean stopping;

  public static void main(String[] args) throws Exception {
    int size = parseSize(args);
    long started = System.nanoTime();
    Config config = ConfigFactory.load();
    NodeSettings settings = NodeSettings.fromConfig(config);

    EmbeddedCassandra cassandra = settings.startsEmbeddedCassandra() ? EmbeddedCassandra.start(settings.embeddedCassandra()) : null;
    String contactPoint = cassandra != null ? cassandra.contactPoint() : String.join(",", settings.cassandraContactPoints());
    List<NodeProcess> nodes = new ArrayList<>();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(nodes, cassandra), "plantsync-cluster-stop"));

    List<NodeProcess.Spec> specs = specs(config, size, contactPoint);
    System.out.println("Starting " + size + " PlantSync nodes (Cassandra at " + contactPoint + ")...");
    // The first node creates the schema of a fresh Cassandra alone; then the others start together.
    nodes.add(startNode(specs.get(0)));
    nodes.get(0).awaitReady(READY_TIMEOUT);
    for (NodeProcess.Spec spec : specs.subList(1, specs.size())) nodes.add(startNode(spec));
    List<CompletableFuture<Void>> ready = nodes.stream().map(node -> CompletableFuture.runAsync(() -> {
      try {
        node.awaitReady(READY_TIMEOUT);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    })).toList();
    CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).get(READY_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS);
    printBanner(config, nodes, started);
    watch(nodes, specs);
  }

  private static NodeProcess startNode(NodeProcess.Spec spec) throws java.io.IOException {
    String prefix = String.format("%-7s| ", spec.name());
    return NodeProcess.start(spec, line -> System.out.println(prefix + line));
  }

  static int parseSize(String[] args) {
    if (args.length == 0) return 3;
    try {
      int size = Integer.parseInt(args[0]);
      if (size >= 1 && size <= MAX_NODES) return size;
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    throw new IllegalArgumentException("number of nodes must be 1.." + MAX_NODES + ", was: " + args[0]);
  }

  /** Node i gets the configured ports + (i - 1); every node is a seed, so any one can restart alone. */
  static List<NodeProcess.Spec> specs(Config config, int size, String contactPoint) {
    int http = config.getInt("plantsync.http.port");
    int management = config.getInt("pekko.management.http.port");
    int remote = config.getInt("pekko.remote.artery.canonical.port");
    List<NodeProcess.Ports> ports = new ArrayList<>();
    for (int i = 0; i < size; i++) ports.add(new NodeProcess.Ports(http + i, management + i, remote + i));
    List<String> seeds = ports.stream().map(NodeProcess.Ports::remoteAddress).toList();
    List<String> jvm = new ArrayList<>(List.of("-Xms256m", "-Xmx512m"));
    String extra = System.getenv("PLANTSYNC_NODE_JAVA_OPTS");
    if (extra != null && !extra.isBlank()) jvm.addAll(Arrays.asList(extra.trim().split("\\s+")));
    List<NodeProcess.Spec> specs = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      specs.add(new NodeProcess.Spec("node-" + (i + 1), ports.get(i), seeds, contactPoint, jvm, Map.of()));
    }
    return specs;
  }

  private static void printBanner(Config config, List<NodeProcess> nodes, long started) {
    StringBuilder banner = new StringBuilder(String.format("%n  PlantSync cluster of %d nodes ready in %.1f s%n",
        nodes.size(), (System.nanoTime() - started) / 1e9));
    for (NodeProcess node : nodes) {
      banner.append(String.format("  %-7s pid %-7d API %s   management %s%n", node.name(), node.pid(),
          node.httpUri(), node.managementUri("")));
    }
    HttpSettings http = HttpSettings.fromConfig(config);
    banner.append("  Dev tokens as for bin/plantsync dev, e.g. planning: ")
        .append(http.plainTokens().getOrDefault("planning", "(none)")).append('\n')
        .append("  Members: curl ").append(nodes.get(0).managementUri("/cluster/members")).append('\n')
        .append("  Try: kill -9 <pid> of a node; the others take over its shards, and it is restarted.\n  Stop all with Ctrl-C.\n");
    System.out.println(banner);
  }

  /**
   * A node that exits while the cluster runs (killed by hand, downed by the cluster) is started
   * again after a pause, as Kubernetes would restart its pod. While another node runs, it only
   * rejoins (never forms a second cluster); with none running, it starts as it first did.
   */
  private static void watch(List<NodeProcess> nodes, List<NodeProcess.Spec> specs) throws Exception {
    while (!stopping) {
      for (int i = 0; i < nodes.size(); i++) {
        NodeProcess node = nodes.get(i);
        if (node.isAlive() || stopping) continue;
        System.out.println(node.name() + " exited with code " + node.exitValue() + "; the other nodes serve its "
            + "objects. Restarting it in " + RESTART_DELAY.toSeconds() + " s.");
        Thread.sleep(RESTART_DELAY.toMillis());
        synchronized (nodes) {
          if (!stopping) {
            boolean othersRunning = nodes.stream().anyMatch(NodeProcess::isAlive);
            nodes.set(i, startNode(othersRunning ? specs.get(i).rejoining() : specs.get(i)));
            System.out.println(node.name() + " restarted as pid " + nodes.get(i).pid());
          }
        }
      }
      Thread.sleep(500);
    }
  }

  /** SIGTERM to every node at once (coordinated shutdown hands shards off), then Cassandra. */
  private static void stopAll(List<NodeProcess> nodes, EmbeddedCassandra cassandra) {
    List<NodeProcess> toStop;
    synchronized (nodes) {
      stopping = true;
      toStop = List.copyOf(nodes);
    }
    NodeProcess.closeAll(toStop);
    if (cassandra != null) cassandra.stop();
  }
}
