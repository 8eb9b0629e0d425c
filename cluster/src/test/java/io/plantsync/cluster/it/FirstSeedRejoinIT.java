package io.plantsync.cluster.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantsync.cluster.local.NodeProcess;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * node-1 is the first seed of its cluster. Restarted while its peers are slow to answer, it must
 * wait for them instead of forming a second cluster on the same journal after Pekko's 5 s
 * seed-node-timeout (RollingRestartIT once saw node-1 Up alone; failure mode FM-split-brain).
 */
@ExtendWith(SharedCassandra.class)
class FirstSeedRejoinIT {

  private static final Duration PEERS_SILENT = Duration.ofSeconds(15);

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void aRestartedFirstSeedWaitsForItsPeersAndJoinsThem() throws Exception {
    Path log = TestNodes.log("first-seed-rejoin");
    NodeProcess.Ports first = TestNodes.freePorts();
    NodeProcess.Ports peer = TestNodes.freePorts();
    List<String> seeds = List.of(first.remoteAddress(), peer.remoteAddress());
    NodeProcess.Spec restartedSpec = TestNodes.spec("node-1", first, seeds, SharedCassandra.node(), Map.of()).rejoining();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    try (NodeProcess restarted = NodeProcess.start(restartedSpec, log)) {
      long deadline = System.nanoTime() + TestNodes.READY_TIMEOUT.toNanos();
      while (restarted.readiness(http) == -1 && System.nanoTime() < deadline) Thread.sleep(250);
      assertThat(restarted.readiness(http)).as("node-1's management port answers").isNotEqualTo(-1);

      long silentUntil = System.nanoTime() + PEERS_SILENT.toNanos();
      while (System.nanoTime() < silentUntil) {
        assertThat(restarted.isAlive()).as("node-1 keeps trying to join").isTrue();
        assertThat(restarted.readiness(http)).as("node-1 never serves as a cluster of its own").isNotEqualTo(200);
        Thread.sleep(500);
      }

      // The peer answers at last (here: a one-seed cluster of its own, as the running cluster).
      NodeProcess.Spec peerSpec = TestNodes.spec("node-2", peer, List.of(peer.remoteAddress()), SharedCassandra.node(), Map.of());
      try (NodeProcess running = NodeProcess.start(peerSpec, log)) {
        TestNodes.awaitReadyOrKill(running);
        TestNodes.awaitReadyOrKill(restarted);
        System.out.printf("FirstSeedRejoinIT: node-1 not Up for %d s while its peer was silent, then joined it%n",
            PEERS_SILENT.toSeconds());
      }
    }
  }
}
