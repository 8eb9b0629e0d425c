package io.plantsync.bench;

import static io.plantsync.bench.ReportTest.step;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetsTest {

  @Test
  void the_best_sustained_step_is_the_fastest_within_latency_delivery_and_errors() {
    Report.Step slow = step(1000, 1000, 8, Map.of("200 applied", 60_000L), 60_000);
    Report.Step fast = step(2000, 1990, 40, Map.of("200 applied", 119_400L), 119_400);
    Report.Step tooSlowAnswers = step(2500, 2480, 70, Map.of("200 applied", 148_800L), 148_800);
    Report.Step behind = step(3000, 2600, 20, Map.of("200 applied", 156_000L), 156_000);
    Report.Step failing = step(2200, 2200, 20, Map.of("200 applied", 132_000L, "503", 500L), 132_500);
    List<Report.Step> steps = List.of(slow, fast, tooSlowAnswers, behind, failing);
    assertThat(Targets.bestSustained(steps, 50.0)).contains(fast);
    assertThat(Targets.rate("w2", steps, 2000, 50.0).pass()).isFalse();
    assertThat(Targets.rate("w2", steps, 1900, 50.0).pass()).isTrue();
    assertThat(Targets.bestSustained(steps, null)).contains(tooSlowAnswers);
  }

  @Test
  void cpu_is_judged_at_saturation_with_the_best_sustained_step_beside_it() {
    Report.Step sustained = step(1000, 1000, 8, Map.of("200 applied", 60_000L), 60_000);
    Report.TargetCheck alone = Targets.cpu(List.of(sustained), 50.0);
    assertThat(alone.pass()).isTrue();
    assertThat(alone.measured()).isEqualTo("0.75 ms at 1,000 commands/s (node 1.00 + Cassandra 0.50)");

    Report.Step saturated = step(2000, 1200, 900, Map.of("200 applied", 72_000L, "503", 40_000L), 60_000);
    Report.TargetCheck cpu = Targets.cpu(List.of(sustained, saturated), 50.0);
    assertThat(cpu.measured()).startsWith("0.75 ms at 1,200 commands/s")
        .endsWith("; 0.75 ms at the best sustained step (1,000/s)");
  }

  @Test
  void heap_and_replay_targets() {
    assertThat(Targets.heap(4 * 1024, 100_000).pass()).isTrue();
    assertThat(Targets.heap(6 * 1024, 100_000).pass()).isFalse();
    assertThat(Targets.replay(25_000, 40_000, 40_000, 50_000).pass()).isFalse();
    var warmEnough = Targets.replay(35_000, 20_000, 6_000, 50_000);
    assertThat(warmEnough.pass()).as("judged warm").isTrue();
    assertThat(warmEnough.measured()).isEqualTo("35,000 events/s warm (50,000 events, no snapshot); 20,000 events/s "
        + "the next one; 6,000 events/s cold, first after a restart");
  }

  @Test
  void aLagTheSyncStatusDidNotReportIsNamedSoNotMistakenForAMissingStep() {
    Report.Step base = ReportTest.step(1000, 989, 2600, Map.of("200 applied", 29_670L), 30_000);
    Report.Step unsampled = new Report.Step(base.label(), base.offeredRate(), base.seconds(), base.sent(),
        base.achievedRate(), base.latency(), base.outcomes(), base.sendLagP99Millis(), base.sendLagMaxMillis(),
        base.waitedForInFlight(), base.cpu(), base.ratioToRaw(), null, 52_479.0, 29_000L);

    var check = Targets.projectionLag(List.of(unsampled));

    assertThat(check.pass()).isFalse();
    assertThat(check.measured()).isEqualTo(
        "not sampled: /v1/ops/sync-status did not answer during the 1,000/s step; webhook lag p99 there 52.48 s");
  }
}
