package io.plantsync.projections.exceptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExceptionLogSettingsTest {

  @Test
  void exceptionsAreKeptNinetyDaysByDefault() {
    ExceptionLogSettings settings = ExceptionLogSettings.fromConfig(ConfigFactory.load());
    assertThat(settings.retention()).isEqualTo(Duration.ofDays(90));
    assertThat(settings.ttlSeconds()).isEqualTo(7_776_000);
    assertThat(settings.maxWritesInFlight()).isPositive();
  }

  @Test
  void aRetentionCassandraCannotKeepIsRefusedAtStartUp() {
    assertThatThrownBy(() -> new ExceptionLogSettings(Duration.ofDays(365 * 21), 10))
        .hasMessageContaining("plantsync.exceptions.retention");
    assertThatThrownBy(() -> new ExceptionLogSettings(Duration.ZERO, 10))
        .hasMessageContaining("plantsync.exceptions.retention");
  }
}
