package io.plantsync.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

  @Test
  void the_workload_alone_runs_with_the_documented_defaults() {
    BenchOptions options = BenchOptions.parse("w2");
    assertThat(options.workload()).isEqualTo("W2");
    assertThat(options.rate()).isNull();
    assertThat(options.stepDuration()).isEqualTo(Duration.ofSeconds(60));
    assertThat(options.steps()).containsExactly(0.25, 0.5, 0.75, 1.0, 1.25);
    assertThat(options.objects()).isEqualTo(100_000);
  }

  @Test
  void options_override_rate_duration_and_steps() {
    BenchOptions options = BenchOptions.parse("W3", "--rate", "400", "--duration", "20s", "--steps", "50,100",
        "--warmup", "500ms", "--objects", "2000");
    assertThat(options.rate()).isEqualTo(400.0);
    assertThat(options.stepDuration()).isEqualTo(Duration.ofSeconds(20));
    assertThat(options.steps()).isEqualTo(List.of(0.5, 1.0));
    assertThat(options.warmup()).isEqualTo(Duration.ofMillis(500));
    assertThat(options.objects()).isEqualTo(2000);
  }

  @Test
  void node_properties_are_collected_for_tuning_experiments() {
    BenchOptions options = BenchOptions.parse("W3", "--node-property", "a.b=0ms", "--node-property", "c=x=y");
    assertThat(options.nodeProperties()).containsEntry("a.b", "0ms").containsEntry("c", "x=y").hasSize(2);
    assertThatThrownBy(() -> BenchOptions.parse("W3", "--node-property", "novalue")).hasMessageContaining("key=value");
  }

  @Test
  void unknown_workloads_and_options_are_refused() {
    assertThatThrownBy(() -> BenchOptions.parse("W9")).hasMessageContaining("W9");
    assertThatThrownBy(() -> BenchOptions.parse("W1", "--speed", "3")).hasMessageContaining("--speed");
    assertThatThrownBy(() -> BenchOptions.parse("W1", "--rate")).hasMessageContaining("needs a value");
    assertThatThrownBy(() -> BenchOptions.parse("W1", "--rate", "-5")).hasMessageContaining("positive");
  }

  @Test
  void durations_read_minutes_seconds_and_milliseconds() {
    assertThat(BenchOptions.duration("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(BenchOptions.duration("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(BenchOptions.duration("30")).isEqualTo(Duration.ofSeconds(30));
  }
}
