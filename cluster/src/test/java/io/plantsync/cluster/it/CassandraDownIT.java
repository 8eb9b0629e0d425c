package io.plantsync.cluster.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantsync.cluster.cassandra.EmbeddedCassandra;
import io.plantsync.cluster.cassandra.EmbeddedCassandraSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Cassandra is stopped for 30 s under a three-node cluster with steady load: commands get 503 with
 * Retry-After, nothing is acknowledged without a write, readiness goes down on every node and comes
 * back by itself once Cassandra is back, without restarting any node, and every lot serves again
 * within {@link #RECOVERY_BOUND}. Uses its own Cassandra.
 */
class CassandraDownIT {

  static final int LOTS = 60;
  static final int COMMANDS_PER_SECOND = 40;
  static final Duration OUTAGE = Duration.ofSeconds(30);
  /**
   * Every lot serves again within this after Cassandra answers (operations.md, "Cassandra outage"),
   * or within twice the cold start of the same lots under the same load, whichever is longer: a
   * loaded machine slows both alike, a stuck recovery exceeds either.
   */
  static final Duration RECOVERY_BOUND = Duration.ofSeconds(90);
  /** The cold start is the yardstick, not under test: a loaded machine may take minutes. */
  static final Duration WARM_UP_LIMIT = Duration.ofMinutes(2);

  @Test
  @Timeout(value = 12, unit = java.util.concurrent.TimeUnit.MINUTES)
  void noAcknowledgementWithoutAWriteAndRecoveryWithoutRestart() throws Exception {
    Path work = Files.createDirectories(Path.of(System.getProperty("plantsync.test.work-dir", "target/it-work")));
    EmbeddedCassandraSettings settings = EmbeddedCassandraSettings.onFreePorts(Files.createTempDirectory(work, "outage-"));
    EmbeddedCassandra cassandra = EmbeddedCassandra.start(settings);
    try (ThreeNodes cluster = ThreeNodes.start("cassandra-down", cassandra, Map.of());
        SteadyLoad load = new SteadyLoad("DOWN" + System.nanoTime() % 100000, LOTS, cluster::httpUris)) {
      List<Long> pids = List.of(cluster.node(0).pid(), cluster.node(1).pid(), cluster.node(2).pid());
      load.start(COMMANDS_PER_SECOND);
      long warmUp = load.awaitEveryLotServedSince(0, WARM_UP_LIMIT);
      Duration recoveryBound = recoveryBound(warmUp);

      cassandra.stop();
      long stoppedAt = load.now();
      System.out.printf("CassandraDownIT: every lot served %.1f s after the load started; Cassandra stopped at t=%.0f s%n",
          warmUp / 1e9, stoppedAt / 1e9);
      long notReadyAt = awaitReadiness(cluster, false, Duration.ofSeconds(30), load);
      long unavailableBefore = load.failures().getOrDefault("503 unavailable", 0L);
      Thread.sleep(Math.max(0, OUTAGE.toMillis() - (load.now() - stoppedAt) / 1_000_000));
      long unavailableDuring = load.failures().getOrDefault("503 unavailable", 0L) - unavailableBefore;

      long restartBegunAt = load.now();
      cassandra = EmbeddedCassandra.start(settings);
      long restartedAt = load.now();
      System.out.printf("CassandraDownIT: Cassandra started again at t=%.0f s, answering CQL at t=%.0f s%n",
          restartBegunAt / 1e9, restartedAt / 1e9);
      long readyAgainAt = awaitReadiness(cluster, true, Duration.ofSeconds(90), load);
      // Stuck recovery fails here; slow recovery too, past the bound this machine's cold start allows.
      long servedAgainAt = load.awaitEveryLotServedSince(restartedAt, recoveryBound);

      // An acknowledgement while Cassandra was down can only be a duplicate of a command written before.
      // Cassandra answers the nodes before it answers this test's own CQL probe: "down" ends when it is started.
      var ackedWhileDown = load.acknowledgedBetween(stoppedAt + 1_000_000_000L, restartBegunAt);
      assertThat(ackedWhileDown).as("acknowledged while Cassandra was down").allMatch(SteadyLoad.Sent::duplicate);
      assertThat(unavailableDuring).as("503s while Cassandra was down").isPositive();
      assertThat(List.of(cluster.node(0).pid(), cluster.node(1).pid(), cluster.node(2).pid()))
          .as("no node was restarted").isEqualTo(pids);

      AcknowledgedCommands.Verdict verdict;
      try (JournalAudit journal = new JournalAudit(cassandra)) {
        verdict = AcknowledgedCommands.verify(load, journal, cluster.node(0).httpUri());
      }
      System.out.printf("CassandraDownIT: %s%n  (recovery bound %d s) Cassandra stopped for %d s under %d commands/s: %d 503s while down, "
              + "%d acknowledgements while down (all duplicates of earlier writes); every node not ready %.1f s after "
              + "the stop; all ready again %.1f s and every lot served again %.1f s after Cassandra was back; "
              + "longest wait for one acknowledgement %.1f s; failed attempts %s%n",
          verdict, recoveryBound.toSeconds(), OUTAGE.toSeconds(), COMMANDS_PER_SECOND, unavailableDuring, ackedWhileDown.size(),
          (notReadyAt - stoppedAt) / 1e9, (readyAgainAt - restartedAt) / 1e9, (servedAgainAt - restartedAt) / 1e9,
          load.longestWaitSeconds(), load.failures());
      assertThat(load.failures().keySet()).as("only refusals a retry fixes").allMatch(SteadyLoad::retriable);
    } finally {
      cassandra.stop();
    }
  }

  static Duration recoveryBound(long warmUpNanos) {
    Duration twiceTheColdStart = Duration.ofNanos(2 * warmUpNanos);
    return twiceTheColdStart.compareTo(RECOVERY_BOUND) > 0 ? twiceTheColdStart : RECOVERY_BOUND;
  }

  /** Waits until every node's /ready is 200 (ready) or not 200 (not ready); returns when. */
  private static long awaitReadiness(ThreeNodes cluster, boolean ready, Duration timeout, SteadyLoad load)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      boolean all = true;
      for (int i = 0; i < 3; i++) all &= (cluster.readiness(i) == 200) == ready;
      if (all) return load.now();
      Thread.sleep(250);
    }
    throw new IllegalStateException("not every node " + (ready ? "ready" : "unready") + " within " + timeout);
  }
}
