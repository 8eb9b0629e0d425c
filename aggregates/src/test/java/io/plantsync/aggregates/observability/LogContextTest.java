package io.plantsync.aggregates.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogContextTest {

  @Test
  void thePlantIsTheFirstKeyOfEachObjectType() {
    assertThat(LogContext.plantOf("ProductionOrder|1000/100234")).isEqualTo("1000");
    assertThat(LogContext.plantOf("InventoryLot|2000/RM-7/B1")).isEqualTo("2000");
    assertThat(LogContext.plantOf("QualityHold|3000/QN-1")).isEqualTo("3000");
  }

  @Test
  void whatIsNoObjectKeyHasNoPlant() {
    assertThat(LogContext.plantOf("1000/100234")).isNull();
    assertThat(LogContext.plantOf("Unknown|1000/100234")).isNull();
    assertThat(LogContext.plantOf("ProductionOrder|1000")).isNull();
    assertThat(LogContext.plantOf("InventoryLot|1000/RM-7")).isNull();
  }
}
