package io.plantsync.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ObjectsInFlightTest {

  private final ObjectsInFlight inFlight = new ObjectsInFlight(2);

  @Test
  void anObjectAtItsLimitRefusesUntilOneOfItsCommandsIsAnswered() {
    assertThat(inFlight.tryStart("InventoryLot|1000/M/B1")).isTrue();
    assertThat(inFlight.tryStart("InventoryLot|1000/M/B1")).isTrue();
    assertThat(inFlight.tryStart("InventoryLot|1000/M/B1")).as("third at a limit of two").isFalse();
    assertThat(inFlight.tryStart("InventoryLot|1000/M/B2")).as("other objects are not held up").isTrue();

    inFlight.finish("InventoryLot|1000/M/B1");
    assertThat(inFlight.tryStart("InventoryLot|1000/M/B1")).isTrue();
  }

  @Test
  void aRefusalCountsNothing() {
    inFlight.tryStart("lot");
    inFlight.tryStart("lot");
    inFlight.tryStart("lot");
    inFlight.finish("lot");
    inFlight.finish("lot");
    assertThat(inFlight.tryStart("lot")).isTrue();
    assertThat(inFlight.tryStart("lot")).isTrue();
  }
}
