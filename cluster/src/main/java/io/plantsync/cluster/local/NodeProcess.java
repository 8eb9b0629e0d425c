package io.plantsync.cluster.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One PlantSync node in its own JVM, started like {@code bin/plantsync dev} (Main with dev.conf) but
 * pointed at a shared Cassandra and at seed nodes. Used by {@code bin/plantsync cluster} and by the
 * fault tests, which need to kill (SIGKILL), stop (SIGTERM) and freeze (SIGSTOP) single nodes.
 * The node exits by itself when the JVM that started it dies, so no node outlives its launcher.
 */
public final class NodeProcess implements AutoCloseable {

  /** Where a node listens: adapter API, Pekko Management (health, metrics) and Artery remoting. */
  public record Ports(int http, int management, int remote) {
    public String remoteAddress() {
      return "127.0.0.1:" + remote;
    }
  }

  /** What to start: the node's name in logs, its ports, the cluster's seeds and Cassandra. */
  public record Spec(String name, Ports ports, List<String> seedNodes, String cassandraContactPoint,
      List<String> jvmOptions, Map<String, String> properties) {

    /**
     * The same node, to join a cluster that is already running: its own address moves to the end of
     * the seed list. Pekko lets only the first seed form a new cluster, and it does so when no other
     * seed answers within seed-node-timeout (5 s); a restarted first seed whose peers were busy
     * (RollingRestartIT) became a second cluster writing the same journal (FM-split-brain). A node that
     * is not the first seed only ever joins; if it cannot, it exits after
     * shutdown-after-unsuccessful-join-seed-nodes and is started again.
     */
    public Spec rejoining() {
      String self = ports.remoteAddress();
      if (seedNodes.isEmpty() || !seedNodes.get(0).equals(self)) return this;
      List<String> reordered = new ArrayList<>(seedNodes);
      reordered.remove(self);
      reordered.add(self);
      return new Spec(name, ports, List.copyOf(reordered), cassandraContactPoint, jvmOptions, properties);
    }
  }

  private final Spec spec;
  private final Process process;

  private NodeProcess(Spec spec, Process process) {
    this.spec = spec;
    this.process = process;
  }

  /** Starts the node; its output goes to {@code log} (appended). Does not wait for readiness. */
  public static NodeProcess start(Spec spec, Path log) throws IOException {
    Process process = new ProcessBuilder(command(spec)).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    return new NodeProcess(spec, process);
  }

  /** Starts the node; every output line goes to {@code lines} (e.g. printed with the node's name). */
  public static NodeProcess start(Spec spec, Consumer<String> lines) throws IOException {
    Process process = new ProcessBuilder(command(spec)).redirectErrorStream(true).start();
    Thread pump = new Thread(() -> {
      try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        reader.lines().forEach(lines);
      } catch (IOException closed) {
        // the node is gone
      }
    }, spec.name() + "-output");
    pump.setDaemon(true);
    pump.start();
    return new NodeProcess(spec, process);
  }

  private static List<String> command(Spec spec) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(spec.jvmOptions());
    // As bin/plantsync dev runs a node: each object's own copies of plant, material, uom ... share
    // their bytes (performance.md, heap per object).
    command.add("-XX:+UseStringDeduplication");
    command.add("-Dconfig.resource=dev.conf");
    command.add("-Dplantsync.parent-pid=" + ProcessHandle.current().pid());
    command.add("-Dplantsync.node-name=" + spec.name());
    command.add("-Dplantsync.cassandra.contact-points=" + spec.cassandraContactPoint());
    command.add("-Dplantsync.cluster.seed-nodes=" + String.join(",", spec.seedNodes()));
    command.add("-Dplantsync.http.port=" + spec.ports().http());
    command.add("-Dpekko.management.http.port=" + spec.ports().management());
    command.add("-Dpekko.remote.artery.canonical.port=" + spec.ports().remote());
    spec.properties().forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.plantsync.cluster.Main"));
    return command;
  }

  public Spec spec() {
    return spec;
  }

  public String name() {
    return spec.name();
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public URI httpUri() {
    return URI.create("http://127.0.0.1:" + spec.ports().http());
  }

  public URI managementUri(String path) {
    return URI.create("http://127.0.0.1:" + spec.ports().management() + path);
  }

  /** Waits until {@code /ready} answers 200: member Up, shard regions registered, Cassandra reachable. */
  public void awaitReady(Duration timeout) throws InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(spec.name() + " exited with code " + process.exitValue() + " before it was ready");
      }
      if (readiness(client) == 200) return;
      Thread.sleep(250);
    }
    throw new IllegalStateException(spec.name() + " not ready after " + timeout.toSeconds() + " s");
  }

  /** The HTTP status of {@code /ready}, or -1 when the management port does not answer. */
  public int readiness(HttpClient client) throws InterruptedException {
    try {
      return client.send(HttpRequest.newBuilder(managementUri("/ready")).timeout(Duration.ofSeconds(3)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException notAnswering) {
      return -1;
    }
  }

  /** SIGKILL: no shutdown hook, no coordinated shutdown, no hand-off. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** SIGTERM: coordinated shutdown (drain HTTP, hand shards off, leave the cluster); waits for the exit. */
  public boolean terminate(Duration timeout) throws InterruptedException {
    process.destroy();
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** SIGSTOP: the JVM is frozen as in a very long GC pause; {@link #resume()} continues it. */
  public void freeze() throws IOException, InterruptedException {
    signal("STOP");
  }

  /** SIGCONT after {@link #freeze()}. */
  public void resume() throws IOException, InterruptedException {
    signal("CONT");
  }

  public boolean waitForExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public int exitValue() {
    return process.exitValue();
  }

  private void signal(String name) throws IOException, InterruptedException {
    int exit = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
    if (exit != 0) throw new IOException("kill -" + name + " " + process.pid() + " failed with " + exit);
  }

  /** Stops all {@code nodes} at once (each gracefully, or killed after 60 s) and waits for them. */
  public static void closeAll(List<NodeProcess> nodes) {
    List<CompletableFuture<Void>> stopping = nodes.stream()
        .map(node -> CompletableFuture.runAsync(() -> {
          try {
            node.close();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        })).toList();
    CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new)).join();
  }

  /** Stops the node gracefully, or kills it after 60 s. */
  @Override
  public void close() throws InterruptedException {
    if (!process.isAlive()) return;
    resumeQuietly();
    if (!terminate(Duration.ofSeconds(60))) kill();
  }

  private void resumeQuietly() {
    try {
      signal("CONT");
    } catch (Exception ignored) {
      // a node that was never frozen
    }
  }
}
