package io.plantsync.aggregates.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.pekko.actor.BootstrapSetup;
import org.apache.pekko.actor.setup.ActorSystemSetup;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class PlantSyncMetricsTest {

  @Test
  void eachActorSystemHasItsOwnRegistryUnlessTheNodeInstallsOne() {
    var installed = new SimpleMeterRegistry();
    ActorSystem<Void> node = ActorSystem.create(Behaviors.empty(), "node",
        ActorSystemSetup.create(BootstrapSetup.create()).and(PlantSyncMetrics.setup(installed)));
    ActorSystem<Void> other = ActorSystem.create(Behaviors.empty(), "other");
    try {
      assertThat(PlantSyncMetrics.get(node).registry()).isSameAs(installed);
      assertThat(PlantSyncMetrics.get(other).registry()).isNotSameAs(installed);
      PlantSyncMetrics.get(node).entity("ProductionOrder");
      assertThat(installed.find("plantsync.entities.live").gauges()).hasSize(1);
      assertThat(PlantSyncMetrics.get(other).registry().find("plantsync.entities.live").gauges()).isEmpty();
    } finally {
      node.terminate();
      other.terminate();
    }
  }

  @Test
  void aLogContextPutsTheKeysAndThePlantAndRestoresWhatWasThere() {
    MDC.put("adapterId", "outer");
    LogContext.around("erp", "ERP-1", LogContext.objectKey("InventoryLot", "1000/RM-7/B1"), () ->
        assertThat(MDC.getCopyOfContextMap()).containsEntry("adapterId", "erp").containsEntry("messageId", "ERP-1")
            .containsEntry("objectKey", "InventoryLot|1000/RM-7/B1").containsEntry("plant", "1000"));
    assertThat(MDC.getCopyOfContextMap()).containsOnlyKeys("adapterId").containsEntry("adapterId", "outer");
    MDC.clear();
  }
}
