package io.plantsync.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArrivalScheduleTest {

  @Test
  void requests_leave_at_the_constant_rate_from_the_start() {
    ArrivalSchedule schedule = new ArrivalSchedule(1_000L, 2000);
    assertThat(schedule.intendedNanos(0)).isEqualTo(1_000L);
    assertThat(schedule.intendedNanos(1)).isEqualTo(1_000L + 500_000);
    assertThat(schedule.intendedNanos(2000)).isEqualTo(1_000L + 1_000_000_000L);
  }

  @Test
  void a_fractional_rate_keeps_its_average_over_a_long_run() {
    ArrivalSchedule schedule = new ArrivalSchedule(0, 333.3);
    assertThat(schedule.intendedNanos(3333)).isBetween(9_999_000_000L, 10_001_000_000L);
    assertThat(schedule.countWithin(10_000_000_000L)).isEqualTo(3333);
  }

  @Test
  void a_rate_must_be_positive() {
    assertThatThrownBy(() -> new ArrivalSchedule(0, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
