package io.plantsync.cluster.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One of three nodes is frozen with SIGSTOP (as in a very long GC pause) beyond the split brain
 * resolver's timeout, under steady load. The others down it and take over its objects; when it
 * is resumed it finds itself removed and shuts down. No entity's sequence number is written by two
 * nodes: the journal is checked row by row, and every entity is recovered with
 * {@code replay-filter.mode = fail}.
 */
@ExtendWith(SharedCassandra.class)
class FrozenNodeIT {

  static final int LOTS = 60;
  static final int COMMANDS_PER_SECOND = 40;

  @Test
  @Timeout(value = 8, unit = java.util.concurrent.TimeUnit.MINUTES)
  void aFrozenNodeIsDownedAndNeverWritesAfterTheTakeOver() throws Exception {
    try (ThreeNodes cluster = ThreeNodes.start("frozen-node", SharedCassandra.node(), Map.of());
        JournalAudit journal = new JournalAudit(SharedCassandra.node());
        SteadyLoad load = new SteadyLoad("STOP" + System.nanoTime() % 100000, LOTS, cluster::httpUris)) {
      load.start(COMMANDS_PER_SECOND);
      load.awaitEveryLotServedSince(0, Duration.ofSeconds(60));

      String frozen = cluster.node(2).spec().ports().remoteAddress();
      long frozenAt = load.now();
      cluster.node(2).freeze();
      long downedAt = awaitRemoved(cluster, frozen, Duration.ofSeconds(120), load);
      long servedAgainAt = load.awaitEveryLotServedSince(frozenAt, Duration.ofSeconds(120));

      long resumedAt = load.now();
      cluster.node(2).resume();
      assertThat(cluster.node(2).waitForExit(Duration.ofSeconds(90)))
          .as("the resumed node learns it was downed and shuts itself down").isTrue();
      long exitedAt = load.now();
      load.awaitEveryLotServedSince(exitedAt, Duration.ofSeconds(60));

      var verdict = AcknowledgedCommands.verify(load, journal, cluster.node(0).httpUri());
      System.out.printf("FrozenNodeIT: %s%n  SIGSTOP of node-3 under %d commands/s: downed and removed %.1f s after the "
              + "freeze; every lot served again %.1f s after the freeze; resumed after %.1f s, exited %.1f s after "
              + "the resume (code %d); longest wait for one acknowledgement %.1f s; failed attempts %s%n",
          verdict, COMMANDS_PER_SECOND, (downedAt - frozenAt) / 1e9, (servedAgainAt - frozenAt) / 1e9,
          (resumedAt - frozenAt) / 1e9, (exitedAt - resumedAt) / 1e9, cluster.node(2).exitValue(),
          load.longestWaitSeconds(), load.failures());
      assertThat(load.failures().keySet()).as("only refusals a retry fixes").allMatch(SteadyLoad::retriable);
    }
  }

  private static long awaitRemoved(ThreeNodes cluster, String address, Duration timeout, SteadyLoad load)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (cluster.members(0).keySet().stream().noneMatch(member -> member.endsWith(address))) return load.now();
      Thread.sleep(250);
    }
    throw new IllegalStateException("frozen node still a member after " + timeout + ": " + cluster.members(0));
  }
}
