package io.plantsync.cluster.cassandra;

import com.datastax.oss.driver.api.core.RequestThrottlingException;
import com.datastax.oss.driver.api.core.context.DriverContext;
import com.datastax.oss.driver.api.core.session.throttling.RequestThrottler;
import com.datastax.oss.driver.api.core.session.throttling.Throttled;
import io.plantsync.aggregates.common.PauseFence;

/**
 * The Cassandra driver's last gate before a request leaves this JVM: on a node whose
 * {@link PauseFence} has tripped (it was frozen long enough to be downed and replaced) nothing is
 * sent, not even a journal write that was queued before the freeze. Otherwise requests pass
 * straight through, as with the driver's default throttler.
 * Configured as {@code datastax-java-driver.advanced.throttler.class}.
 */
public final class PauseFencedThrottler implements RequestThrottler {

  public PauseFencedThrottler(DriverContext context) {
    // nothing to configure
  }

  @Override
  public void register(Throttled request) {
    if (PauseFence.writesAllowedInThisJvm()) {
      request.onThrottleReady(false);
    } else {
      request.onThrottleFailure(new RequestThrottlingException(
          "this node was paused longer than its max-pause and is shutting down; nothing is sent to Cassandra"));
    }
  }

  @Override
  public void signalSuccess(Throttled request) {}

  @Override
  public void signalError(Throttled request, Throwable error) {}

  @Override
  public void signalTimeout(Throttled request) {}

  @Override
  public void close() {}
}
