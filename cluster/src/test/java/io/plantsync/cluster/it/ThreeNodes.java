package io.plantsync.cluster.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plantsync.cluster.cassandra.EmbeddedCassandra;
import io.plantsync.cluster.local.NodeProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A cluster of three nodes in their own JVMs, joined through config-based seed nodes as
 * {@code bin/plantsync cluster} joins them, on free ports and a shared Cassandra.
 */
final class ThreeNodes implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final List<NodeProcess> nodes = new ArrayList<>();
  private final Path log;

  private ThreeNodes(Path log) {
    this.log = log;
  }

  static ThreeNodes start(String name, EmbeddedCassandra cassandra, Map<String, String> properties) throws Exception {
    ThreeNodes cluster = new ThreeNodes(TestNodes.log(name));
    List<NodeProcess.Ports> ports = List.of(TestNodes.freePorts(), TestNodes.freePorts(), TestNodes.freePorts());
    List<String> seeds = ports.stream().map(NodeProcess.Ports::remoteAddress).toList();
    try {
      // The first node alone creates the schema on a fresh Cassandra (three at once time out on 2 cores).
      for (int i = 0; i < 3; i++) {
        cluster.nodes.add(NodeProcess.start(
            TestNodes.spec("node-" + (i + 1), ports.get(i), seeds, cassandra, properties), cluster.log));
        if (i == 0) TestNodes.awaitReadyOrKill(cluster.nodes.get(0));
      }
      for (NodeProcess node : cluster.nodes) TestNodes.awaitReadyOrKill(node);
      cluster.awaitUpMembers(3, Duration.ofSeconds(60));
    } catch (Exception e) {
      cluster.close();
      throw e;
    }
    System.out.println(name + ": three nodes up, log in " + cluster.log);
    return cluster;
  }

  NodeProcess node(int index) {
    return nodes.get(index);
  }

  /** The file every node's output goes to. */
  Path log() {
    return log;
  }

  List<URI> httpUris() {
    return nodes.stream().map(NodeProcess::httpUri).toList();
  }

  /**
   * Starts a stopped node again with the same name, ports and settings (a new incarnation) to rejoin
   * the running nodes, as {@code bin/plantsync cluster} restarts one.
   */
  NodeProcess restart(int index) throws IOException, InterruptedException {
    NodeProcess old = nodes.get(index);
    if (old.isAlive()) throw new IllegalStateException(old.name() + " is still running");
    NodeProcess fresh = NodeProcess.start(old.spec().rejoining(), log);
    nodes.set(index, fresh);
    TestNodes.awaitReadyOrKill(fresh);
    return fresh;
  }

  /** Members as a running node sees them: address -> status (Up, Leaving, Down...). */
  Map<String, String> members(int viewedFrom) throws IOException, InterruptedException {
    var response = http.send(HttpRequest.newBuilder(nodes.get(viewedFrom).managementUri("/cluster/members"))
        .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
    JsonNode body = JSON.readTree(response.body());
    Map<String, String> members = new java.util.TreeMap<>();
    for (JsonNode member : body.path("members")) members.put(member.path("node").asText(), member.path("status").asText());
    for (JsonNode unreachable : body.path("unreachable")) {
      members.computeIfPresent(unreachable.path("node").asText(), (node, status) -> status + " (unreachable)");
    }
    return members;
  }

  void awaitUpMembers(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      for (int i = 0; i < nodes.size(); i++) {
        if (!nodes.get(i).isAlive()) continue;
        try {
          Map<String, String> members = members(i);
          last = members.toString();
          if (members.values().stream().filter("Up"::equals).count() == count && members.size() == count) return;
        } catch (IOException notAnswering) {
          last = nodes.get(i).name() + ": " + notAnswering;
        }
        break;
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("not " + count + " members Up after " + timeout + ": " + last);
  }

  int readiness(int index) throws InterruptedException {
    return nodes.get(index).readiness(http);
  }

  @Override
  public void close() {
    NodeProcess.closeAll(nodes);
  }
}
