package io.plantsync.aggregates.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantsync.aggregates.observability.EntityLifecycle;
import io.plantsync.aggregates.observability.EntityMetrics;
import io.plantsync.aggregates.observability.PlantSyncMetrics;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.PreRestart;
import org.apache.pekko.actor.typed.Signal;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.RecoveryFailed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

/** The entity's lifecycle signals count it as live from recovery to stop; other signals stay Pekko's. */
class LifecycleSignalsTest {

  private static final ActorTestKit testKit = ActorTestKit.create();

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  private static Tuple2<String, Signal> signal(Signal signal) {
    return Tuple2.apply("state", signal);
  }

  @Test
  void anEntityIsLiveFromItsRecoveryUntilItStopsOrRestarts() {
    EntityMetrics metrics = PlantSyncMetrics.get(testKit.system()).entity("LifecycleSignalsTest");
    LifecycleSignals<String> signals = new LifecycleSignals<>(new EntityLifecycle(metrics));

    signals.apply(signal(RecoveryCompleted.instance()));
    assertThat(metrics.live()).isEqualTo(1);
    signals.apply(signal(PreRestart.instance()));
    assertThat(metrics.live()).isZero();
    signals.apply(signal(RecoveryCompleted.instance()));
    signals.apply(signal(PostStop.instance()));
    assertThat(metrics.live()).isZero();
  }

  @Test
  void otherSignalsAreLeftUnhandled() {
    LifecycleSignals<String> signals = new LifecycleSignals<>(
        new EntityLifecycle(PlantSyncMetrics.get(testKit.system()).entity("LifecycleSignalsTest-other")));

    assertThat(signals.isDefinedAt(signal(new RecoveryFailed(new IllegalStateException("journal down"))))).isFalse();
    assertThat(signals.isDefinedAt(signal(PostStop.instance()))).isTrue();
  }
}
