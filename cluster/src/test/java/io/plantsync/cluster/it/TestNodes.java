package io.plantsync.cluster.it;

import io.plantsync.cluster.cassandra.EmbeddedCassandra;
import io.plantsync.cluster.local.NodeProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Nodes in their own JVMs (killable, freezable) on free ports, configured as the tests need them. */
final class TestNodes {
  private TestNodes() {}

  static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

  static NodeProcess.Ports freePorts() {
    int[] ports = EmbeddedCassandra.freePorts(3);
    return new NodeProcess.Ports(ports[0], ports[1], ports[2]);
  }

  /** A node spec with the test settings: a second live copy fails replay loudly (FM-split-brain). */
  static NodeProcess.Spec spec(String name, NodeProcess.Ports ports, List<String> seeds, EmbeddedCassandra cassandra,
      Map<String, String> properties) {
    Map<String, String> all = new HashMap<>(properties);
    all.putIfAbsent("pekko.persistence.cassandra.journal.replay-filter.mode", "fail");
    all.putIfAbsent("pekko.persistence.cassandra.events-by-tag.first-time-bucket", TestNode.FIRST_TIME_BUCKET);
    return new NodeProcess.Spec(name, ports, seeds, cassandra.contactPoint(), List.of("-Xms256m", "-Xmx512m"), Map.copyOf(all));
  }

  /** A single node that forms its own cluster, started and ready. */
  static NodeProcess startAlone(EmbeddedCassandra cassandra, Path log, Map<String, String> properties)
      throws IOException, InterruptedException {
    NodeProcess node = NodeProcess.start(spec("node", freePorts(), List.of(), cassandra, properties), log);
    awaitReadyOrKill(node);
    return node;
  }

  static void awaitReadyOrKill(NodeProcess node) throws InterruptedException {
    try {
      node.awaitReady(READY_TIMEOUT);
    } catch (IllegalStateException e) {
      node.kill();
      throw e;
    }
  }

  static Path log(String name) throws IOException {
    Path work = Files.createDirectories(Path.of(System.getProperty("plantsync.test.work-dir", "target/it-work")));
    return Files.createTempFile(work, name + "-", ".log");
  }
}
