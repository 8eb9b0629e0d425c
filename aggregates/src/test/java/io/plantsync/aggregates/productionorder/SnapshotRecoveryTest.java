package io.plantsync.aggregates.productionorder;

import static io.plantsync.aggregates.governance.AdapterKind.*;
import static io.plantsync.aggregates.productionorder.OrderCommands.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.plantsync.aggregates.AggregateSettings;
import org.junit.jupiter.api.Test;

/** Long-lived orders recover from their latest snapshot plus the events after it. */
class SnapshotRecoveryTest extends OrderEntityTest {

  @Override
  AggregateSettings settingsForTest() {
    return new AggregateSettings(settings.systemOfRecord(), 3, settings.tagPartitions(), settings.messageIdWindow());
  }

  @Test
  void recoveryFromSnapshotAndLaterEventsGivesTheSameState() {
    plannedAndReleased("0010", "0020");
    for (int i = 1; i <= 5; i++) {
      int n = i;
      send(r -> confirm(from(MES, "M-" + n), "C-" + n, "0010", "10.125", false, r));
    }
    ProductionOrderState before = order.getState();
    assertThat(before.version()).isEqualTo(7);

    var snapshots = order.snapshotTestKit().orElseThrow();
    assertThat(snapshots.persistedInStorage("ProductionOrder|1000/100234")).isNotEmpty();

    order.restart();
    assertThat(order.getState()).isEqualTo(before);
    assertThat(order.getState().operations().get(0).confirmedYield()).isEqualByComparingTo("50.625");
  }
}
