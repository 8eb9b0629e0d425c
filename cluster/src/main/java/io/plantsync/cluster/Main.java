package io.plantsync.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.plantsync.aggregates.common.Dispatched;
import io.plantsync.cluster.cassandra.EmbeddedCassandra;
import io.plantsync.http.HttpSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;

/**
 * Starts a PlantSync node. With the dev profile ({@code -Dconfig.resource=dev.conf}, as
 * {@code bin/plantsync dev} does) it first starts the embedded Cassandra unless
 * PLANTSYNC_CASSANDRA_CONTACT_POINTS names one, and stops it again after the node has shut down.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    try {
      start();
    } catch (IllegalStateException clear) {
      // Our own refusals (a port in use, Cassandra not starting) say what to do; no stack trace.
      String cause = clear.getCause() == null ? "" : " (" + clear.getCause() + ")";
      System.err.println("PlantSync did not start: " + clear.getMessage() + cause);
      System.exit(1);
    }
  }

  private static void start() throws Exception {
    long started = System.nanoTime();
    ParentWatch.startIfConfigured();
    Config config = ConfigFactory.load();
    NodeSettings settings = NodeSettings.fromConfig(config);

    EmbeddedCassandra cassandra = null;
    if (settings.startsEmbeddedCassandra()) {
      cassandra = EmbeddedCassandra.start(settings.embeddedCassandra());
      config = CassandraContactPoints.apply(config, List.of(cassandra.contactPoint()));
    }
    PlantSyncNode node;
    try {
      node = PlantSyncNode.start(config, Duration.ofSeconds(60));
    } catch (Exception e) {
      if (cassandra != null) cassandra.stop();
      throw e;
    }
    stopCassandraAfterNode(node, cassandra);
    sayWhyWhenStopping(node);

    waitUntilReady(settings.managementPort(), node);
    printBanner(config, settings, node, started);
  }

  /** Ctrl-C or SIGTERM runs coordinated shutdown; Cassandra stops only after the node is gone. */
  private static void stopCassandraAfterNode(PlantSyncNode node, EmbeddedCassandra cassandra) {
    Runnable stop = () -> {
      try {
        node.whenTerminated().get(60, TimeUnit.SECONDS);
      } catch (Exception e) {
        System.err.println("PlantSync node did not stop within 60 s: " + e);
      }
      if (cassandra != null) cassandra.stop();
    };
    Runtime.getRuntime().addShutdownHook(new Thread(stop, "plantsync-stop-cassandra"));
    Dispatched.whenTerminated(node.system(), () -> {
      if (cassandra != null) cassandra.stop();
    });
  }

  /**
   * A node that stops by itself must never do so silently: as soon as coordinated shutdown begins,
   * for whatever reason (Ctrl-C, SIGTERM, downing, the pause fence, the actor system terminated),
   * one line says so and why, while the node still runs.
   */
  private static void sayWhyWhenStopping(PlantSyncNode node) {
    CoordinatedShutdown shutdown = CoordinatedShutdown.get(node.system());
    shutdown.addTask(CoordinatedShutdown.PhaseBeforeServiceUnbind(), "plantsync-say-why", () -> {
      String reason = shutdown.getShutdownReason()
          .map(r -> r.getClass().getSimpleName().replace("$", ""))
          .orElse("unknown");
      System.err.println("PlantSync node " + node.system().address().hostPort() + " stopping: " + reason);
      return CompletableFuture.completedFuture(Done.getInstance());
    });
  }

  private static void waitUntilReady(int managementPort, PlantSyncNode node) throws InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI ready = URI.create("http://127.0.0.1:" + managementPort + "/ready");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    long nextReport = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline && !node.whenTerminated().isDone()) {
      try {
        var response = client.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(3)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) return;
        if (System.nanoTime() > nextReport) {
          System.out.println("Waiting for readiness: " + response.body());
          nextReport = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        }
      } catch (java.io.IOException e) {
        // management not listening yet
      }
      Thread.sleep(250);
    }
    System.out.println("PlantSync is not ready after 120 s; see the log above (" + ready + ")");
  }

  private static void printBanner(Config config, NodeSettings settings, PlantSyncNode node, long started) {
    HttpSettings http = HttpSettings.fromConfig(config);
    int port = node.httpAddress().getPort();
    String launchedAs = System.getProperty("plantsync.node-name");
    if (launchedAs != null) {
      // Started by bin/plantsync cluster, which prints the cluster's own banner.
      System.out.printf("PlantSync %s ready in %.1f s (adapter API port %d, management port %d)%n", launchedAs,
          (System.nanoTime() - started) / 1e9, port, settings.managementPort());
      return;
    }
    StringBuilder banner = new StringBuilder()
        .append("\n  PlantSync ").append(settings.profile()).append(" node ready in ")
        .append(String.format("%.1f s", (System.nanoTime() - started) / 1e9)).append('\n')
        .append("  Adapter API:  http://localhost:").append(port).append('\n')
        .append("  Management:   http://127.0.0.1:").append(settings.managementPort())
        .append("  (/ready, /alive, /cluster/members, /metrics)\n");
    if (!http.plainTokens().isEmpty()) {
      banner.append("  Dev tokens (Authorization: Bearer <token>):\n");
      for (Map.Entry<String, String> token : http.plainTokens().entrySet()) {
        banner.append(String.format("    %-10s %s%n", token.getKey(), token.getValue()));
      }
    }
    banner.append("  Stop with Ctrl-C.\n");
    System.out.println(banner);
  }
}
