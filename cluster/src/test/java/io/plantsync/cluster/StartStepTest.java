package io.plantsync.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A start that cannot finish names the step that stopped it, instead of a bare TimeoutException. */
class StartStepTest {

  @Test
  void aStepThatDoesNotFinishInTimeNamesItself() {
    assertThatThrownBy(() -> StartStep.await("Creating the view and delivery tables", new CompletableFuture<>(),
        Duration.ofMillis(50)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Creating the view and delivery tables did not finish within 0 s");
  }

  @Test
  void aStepThatFailsNamesItselfAndItsCause() {
    assertThatThrownBy(() -> StartStep.await("Binding the adapter API on 127.0.0.1:8080",
        CompletableFuture.failedFuture(new java.net.BindException("Address already in use")), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Binding the adapter API on 127.0.0.1:8080 failed")
        .hasMessageContaining("Address already in use");
  }

  @Test
  void aStepThatFinishesGivesItsValue() throws Exception {
    assertThat(StartStep.await("x", CompletableFuture.completedFuture(42), Duration.ofSeconds(1))).isEqualTo(42);
  }
}
