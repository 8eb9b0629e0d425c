package io.plantsync.aggregates.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PauseFenceTest {

  private final AtomicInteger shutdowns = new AtomicInteger();
  private final PauseFence fence = new PauseFence(Duration.ofMillis(200), shutdowns::incrementAndGet);

  @Test
  void aNodeThatKeepsTickingMayWrite() throws InterruptedException {
    for (int i = 0; i < 5; i++) {
      fence.tick();
      Thread.sleep(20);
    }
    assertThat(fence.allowsWrites()).isTrue();
    assertThat(shutdowns).hasValue(0);
  }

  @Test
  void anEntityThatWakesBeforeTheWatcherRefusesToWrite() throws InterruptedException {
    fence.tick();
    Thread.sleep(300); // frozen: neither the watcher nor the entity ran

    assertThat(fence.allowsWrites()).isFalse();
    assertThat(shutdowns).as("the node shuts down once").hasValue(1);
  }

  @Test
  void theWatcherTripsTheFenceForGoodAndShutsTheNodeDownOnce() throws InterruptedException {
    fence.tick();
    Thread.sleep(300);
    fence.tick(); // the watcher wakes first and sees the gap
    fence.tick();

    assertThat(fence.allowsWrites()).as("still fenced after fresh ticks").isFalse();
    assertThat(shutdowns).hasValue(1);
  }
}
