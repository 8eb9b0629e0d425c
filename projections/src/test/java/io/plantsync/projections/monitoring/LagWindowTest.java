package io.plantsync.projections.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LagWindowTest {

  @Test
  void percentilesDescribeTheMostRecentLagsOnly() {
    LagWindow window = new LagWindow();
    assertThat(window.percentile(0.5)).isNull();
    for (int i = 0; i < LagWindow.SIZE; i++) window.record(60_000);
    for (int i = 1; i <= LagWindow.SIZE; i++) window.record(i);
    assertThat(window.percentile(0.5)).isEqualTo(512);
    assertThat(window.percentile(0.99)).isEqualTo(1014);
    window.record(-5);
    assertThat(window.percentile(0.0001)).as("a clock step back counts as no lag").isZero();
  }
}
