package io.plantsync.cluster.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * All three nodes are restarted one after the other with SIGTERM (coordinated shutdown: the HTTP
 * port drains, shards hand off, the node leaves) under steady load, as a rolling update does.
 * Nothing acknowledged is lost, and every refusal the adapter saw was fixed by its retry.
 */
@ExtendWith(SharedCassandra.class)
class RollingRestartIT {

  static final int LOTS = 60;
  static final int COMMANDS_PER_SECOND = 40;

  @Test
  @Timeout(value = 8, unit = java.util.concurrent.TimeUnit.MINUTES)
  void aRollingRestartLosesNothingAndNeedsOnlyRetries() throws Exception {
    try (ThreeNodes cluster = ThreeNodes.start("rolling-restart", SharedCassandra.node(), Map.of());
        JournalAudit journal = new JournalAudit(SharedCassandra.node());
        SteadyLoad load = new SteadyLoad("ROLL" + System.nanoTime() % 100000, LOTS, cluster::httpUris)) {
      load.start(COMMANDS_PER_SECOND);
      load.awaitEveryLotServedSince(0, Duration.ofSeconds(60));

      List<String> steps = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        long stopping = System.nanoTime();
        assertThat(cluster.node(i).terminate(Duration.ofSeconds(60))).as("node-%d stops within 60 s", i + 1).isTrue();
        long stopped = System.nanoTime();
        String lastWords = cluster.node(i).spec().ports().remoteAddress() + " stopping: JvmExitReason";
        assertThat(java.nio.file.Files.readString(cluster.log())).as("node-%d says why it stopped", i + 1)
            .contains(lastWords);
        cluster.restart(i);
        cluster.awaitUpMembers(3, Duration.ofSeconds(60));
        steps.add(String.format("node-%d stopped in %.1f s, back Up %.1f s later", i + 1, (stopped - stopping) / 1e9,
            (System.nanoTime() - stopped) / 1e9));
      }
      load.awaitEveryLotServedSince(load.now(), Duration.ofSeconds(60));

      var verdict = AcknowledgedCommands.verify(load, journal, cluster.node(0).httpUri());
      System.out.printf("RollingRestartIT: %s%n  rolling restart under %d commands/s: %s; longest wait for one "
              + "acknowledgement %.1f s; failed attempts %s%n",
          verdict, COMMANDS_PER_SECOND, String.join("; ", steps), load.longestWaitSeconds(), load.failures());
      assertThat(load.failures().keySet()).as("only refusals a retry fixes").allMatch(SteadyLoad::retriable);
    }
  }
}
