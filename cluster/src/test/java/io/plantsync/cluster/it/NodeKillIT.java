package io.plantsync.cluster.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One of three nodes is killed with SIGKILL under steady load and restarted later: the split brain
 * resolver downs it, its shards move to the survivors, and no acknowledged command is lost or
 * applied twice. Prints the unavailability window the adapter saw.
 */
@ExtendWith(SharedCassandra.class)
class NodeKillIT {

  static final int LOTS = 60;
  static final int COMMANDS_PER_SECOND = 40;

  @Test
  @Timeout(value = 8, unit = java.util.concurrent.TimeUnit.MINUTES)
  void aKilledNodeLosesNoAcknowledgedCommand() throws Exception {
    try (ThreeNodes cluster = ThreeNodes.start("node-kill", SharedCassandra.node(), Map.of());
        JournalAudit journal = new JournalAudit(SharedCassandra.node());
        SteadyLoad load = new SteadyLoad("KILL" + System.nanoTime() % 100000, LOTS, cluster::httpUris)) {
      load.start(COMMANDS_PER_SECOND);
      load.awaitEveryLotServedSince(0, Duration.ofSeconds(60));

      String killed = cluster.node(2).spec().ports().remoteAddress();
      long killedAt = load.now();
      cluster.node(2).kill();
      // Shards move: every lot, including those that lived on the killed node, is served again
      // while that node is still down.
      long servedAgainAt = load.awaitEveryLotServedSince(killedAt, Duration.ofSeconds(120));
      assertThat(cluster.members(0).keySet()).as("the killed node was downed and removed")
          .noneMatch(member -> member.endsWith(killed));
      long downedSeconds = (load.now() - killedAt) / 1_000_000_000L;

      cluster.restart(2);
      cluster.awaitUpMembers(3, Duration.ofSeconds(60));
      long restartedAt = load.now();
      load.awaitEveryLotServedSince(restartedAt, Duration.ofSeconds(60));

      var verdict = AcknowledgedCommands.verify(load, journal, cluster.node(0).httpUri());
      System.out.printf("NodeKillIT: %s%n  kill -9 of node-3 under %d commands/s: every lot served again %.1f s after "
              + "the kill (unavailability window of the killed node's shards); node-3 down for ~%d s, then rejoined; "
              + "longest wait for one acknowledgement %.1f s; failed attempts %s%n",
          verdict, COMMANDS_PER_SECOND, (servedAgainAt - killedAt) / 1e9, downedSeconds, load.longestWaitSeconds(),
          load.failures());
      assertThat(load.failures().keySet()).as("only refusals a retry fixes").allMatch(SteadyLoad::retriable);
    }
  }
}
