package io.plantsync.cluster.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.RequestThrottlingException;
import com.datastax.oss.driver.api.core.session.throttling.Throttled;
import org.junit.jupiter.api.Test;

class PauseFencedThrottlerTest {

  @Test
  void requestsPassStraightThroughOnANodeThatWasNeverPaused() {
    var request = new Recorded();
    new PauseFencedThrottler(null).register(request);
    assertThat(request.ready).isTrue();
    assertThat(request.refused).isNull();
  }

  private static final class Recorded implements Throttled {
    boolean ready;
    RequestThrottlingException refused;

    @Override
    public void onThrottleReady(boolean wasDelayed) {
      ready = true;
    }

    @Override
    public void onThrottleFailure(RequestThrottlingException error) {
      refused = error;
    }
  }
}
