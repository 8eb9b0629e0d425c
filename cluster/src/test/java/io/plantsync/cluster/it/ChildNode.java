package io.plantsync.cluster.it;

import io.plantsync.cluster.cassandra.EmbeddedCassandra;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A PlantSync node in its own JVM, started the way {@code bin/plantsync dev} starts one (Main with
 * dev.conf), so a test can kill it with SIGKILL: no shutdown hooks, no coordinated shutdown.
 */
final class ChildNode implements AutoCloseable {

  private final Process process;
  final URI base;
  private final int managementPort;

  private ChildNode(Process process, int httpPort, int managementPort) {
    this.process = process;
    this.base = URI.create("http://127.0.0.1:" + httpPort);
    this.managementPort = managementPort;
  }

  static ChildNode start(EmbeddedCassandra cassandra, Path log, String... systemProperties) throws Exception {
    int httpPort = EmbeddedCassandra.freePort();
    int managementPort = EmbeddedCassandra.freePort();
    int remotePort = EmbeddedCassandra.freePort();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
        "-Dconfig.resource=dev.conf",
        "-Dplantsync.cassandra.contact-points=" + cassandra.contactPoint(),
        "-Dplantsync.http.port=" + httpPort,
        "-Dpekko.management.http.port=" + managementPort,
        "-Dpekko.remote.artery.canonical.port=" + remotePort,
        "-Dpekko.persistence.cassandra.events-by-tag.first-time-bucket=" + TestNode.FIRST_TIME_BUCKET));
    for (String property : systemProperties) command.add("-D" + property);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.plantsync.cluster.Main"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    ChildNode node = new ChildNode(process, httpPort, managementPort);
    node.awaitReady(Duration.ofSeconds(90));
    return node;
  }

  private void awaitReady(Duration timeout) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) throw new IllegalStateException("node exited with " + process.exitValue());
      try {
        var ready = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/ready"))
            .build(), HttpResponse.BodyHandlers.discarding());
        if (ready.statusCode() == 200) return;
      } catch (java.io.IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    process.destroyForcibly();
    throw new IllegalStateException("child node not ready after " + timeout);
  }

  /** SIGKILL: the JVM gets no chance to finish anything. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
  }
}
