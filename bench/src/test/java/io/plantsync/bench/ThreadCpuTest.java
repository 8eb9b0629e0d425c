package io.plantsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {

  @Test
  void threadsAreGroupedByWhatTheyDo() {
    assertThat(ThreadCpu.kind("C2 CompilerThre")).isEqualTo("JIT");
    assertThat(ThreadCpu.kind("C1 CompilerThre")).isEqualTo("JIT");
    assertThat(ThreadCpu.kind("GC Thread#1")).isEqualTo("GC+VM");
    assertThat(ThreadCpu.kind("G1 Conc#0")).isEqualTo("GC+VM");
    assertThat(ThreadCpu.kind("PlantSync-pekko")).isEqualTo("dispatchers");
    assertThat(ThreadCpu.kind("s0-io-1")).isEqualTo("driver");
    assertThat(ThreadCpu.kind("main")).isEqualTo("other");
  }

  @Test
  void theCpuUsedBetweenTwoSnapshotsIsListedLargestFirst() {
    var before = Map.of("JIT", 1_000L, "dispatchers", 5_000L);
    var after = Map.of("JIT", 1_500L, "dispatchers", 6_250L, "driver", 300L);

    assertThat(ThreadCpu.describe(before, after)).isEqualTo("dispatchers 1.25 s, JIT 0.50 s, driver 0.30 s");
  }

  @Test
  void thisJvmHasThreadsToCount() {
    assertThat(ThreadCpu.snapshot(ProcessHandle.current().pid())).containsKey("other");
  }
}
