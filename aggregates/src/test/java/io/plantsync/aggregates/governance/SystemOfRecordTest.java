package io.plantsync.aggregates.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import io.plantsync.aggregates.AggregateSettings;
import org.junit.jupiter.api.Test;

class SystemOfRecordTest {

  @Test
  void theCanonicalDefaultsGiveEachCommandTypeItsOwners() {
    SystemOfRecord matrix = AggregateSettings.fromConfig(ConfigFactory.load()).systemOfRecord();
    assertThat(matrix.ownersOf("production-order.confirm-operation")).containsExactly(AdapterKind.MES);
    assertThat(matrix.ownersOf("inventory-lot.receive")).containsExactlyInAnyOrder(AdapterKind.WMS, AdapterKind.ERP);
    assertThat(matrix.owns(AdapterKind.ANALYTICS, "production-order.plan")).isFalse();
    assertThat(matrix.owns(AdapterKind.OPERATOR, "quality-hold.place")).isFalse();
  }

  @Test
  void aDeploymentCanMoveOwnershipOfACommandType() {
    var config = ConfigFactory.parseString("plantsync.system-of-record { \"production-order.release\" = [MES, ERP] }")
        .withFallback(ConfigFactory.load());
    SystemOfRecord matrix = AggregateSettings.fromConfig(config).systemOfRecord();
    assertThat(matrix.owns(AdapterKind.MES, "production-order.release")).isTrue();
    assertThat(matrix.owns(AdapterKind.PLANNING, "production-order.plan")).as("other rows keep their defaults").isTrue();
  }

  @Test
  void aTypoInAKindIsRefusedAtStartUp() {
    var config = ConfigFactory.parseString("plantsync.system-of-record { \"production-order.release\" = [ERPP] }")
        .withFallback(ConfigFactory.load());
    assertThatThrownBy(() -> AggregateSettings.fromConfig(config))
        .hasMessageContaining("unknown adapter kind 'ERPP'");
  }

  @Test
  void anUnknownCommandTypeIsOwnedByNobody() {
    SystemOfRecord matrix = AggregateSettings.fromConfig(ConfigFactory.load()).systemOfRecord();
    assertThat(matrix.ownersOf("production-order.teleport")).isEmpty();
  }
}
