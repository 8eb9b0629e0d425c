package io.plantsync.cluster.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CassandraReachabilityTest {

  private final AtomicLong now = new AtomicLong();
  private final CassandraReachability reachability = new CassandraReachability(now::get);

  @Test
  void reachableUntilNoNodeIsAndAgainAfterAnAnswer() {
    assertThat(reachability.unreachable()).isFalse();
    reachability.noNodeReachable();
    assertThat(reachability.unreachable()).isTrue();
    reachability.answered();
    assertThat(reachability.unreachable()).isFalse();
  }

  @Test
  void aFailureNoRequestHasRepeatedExpires() {
    reachability.noNodeReachable();
    now.addAndGet(CassandraReachability.FRESH_FOR.toNanos() - 1);
    assertThat(reachability.unreachable()).as("still fresh").isTrue();
    now.addAndGet(1);
    assertThat(reachability.unreachable()).as("nothing has tried since: let commands find out").isFalse();
  }
}
