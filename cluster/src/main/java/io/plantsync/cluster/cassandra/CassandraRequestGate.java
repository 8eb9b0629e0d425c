package io.plantsync.cluster.cassandra;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.RequestThrottlingException;
import com.datastax.oss.driver.api.core.context.DriverContext;
import com.datastax.oss.driver.api.core.session.throttling.RequestThrottler;
import com.datastax.oss.driver.api.core.session.throttling.Throttled;
import io.plantsync.aggregates.common.PauseFence;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Cassandra driver's last gate before a request leaves this JVM (configured as
 * {@code datastax-java-driver.advanced.throttler.class}). Two rules:
 *
 * <ol>
 *   <li><b>Pause fence</b>: on a node whose {@link PauseFence} has tripped (it was frozen long enough
 *       to be downed and replaced) no new request is sent, not even a journal write queued in the
 *       plugin before the freeze. Requests already past this gate are stopped on the driver's I/O
 *       thread by {@link PauseFencedWrites}. The refusal comes after {@link #OUTAGE_PACE}, like a
 *       request during an outage: the tag writers retry a failed write at once, and refused at once
 *       they spun until the node ran out of memory before it could shut down (FrozenNodeIT, CI of
 *       {@code 0c03e14}: 240,000 log lines, no exit within 90 s).
 *   <li><b>Outage pacing</b>: while the last answer was "no Cassandra node reachable", each request
 *       waits {@link #OUTAGE_PACE} before it is tried. Such requests fail at once, so anything that
 *       retries on failure without a pause of its own spins: Pekko's tag writer retries after its
 *       {@code flush-interval}, which must be 0 ms for one object's commands not to wait on a timer.
 *       Unpaced, three nodes burned both cores retrying and Cassandra took 94 s to restart
 *       (CassandraDownIT). The first success ends the outage.
 * </ol>
 *
 * Otherwise requests pass straight through, as with the driver's default throttler.
 */
public final class CassandraRequestGate implements RequestThrottler {

  static final Duration OUTAGE_PACE = Duration.ofMillis(250);
  private static final Logger log = LoggerFactory.getLogger(CassandraRequestGate.class);

  private final ScheduledExecutorService pacer;
  private final BooleanSupplier writesAllowed;
  private volatile boolean outage;
  private volatile boolean closed;

  public CassandraRequestGate(DriverContext context) {
    this(Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "cassandra-outage-pacer");
      thread.setDaemon(true);
      return thread;
    }), PauseFence::writesAllowedInThisJvm);
  }

  CassandraRequestGate(ScheduledExecutorService pacer, BooleanSupplier writesAllowed) {
    this.pacer = pacer;
    this.writesAllowed = writesAllowed;
  }

  @Override
  public void register(Throttled request) {
    if (closed) {
      request.onThrottleFailure(new RequestThrottlingException("the Cassandra session is closing"));
    } else if (outage || !writesAllowed.getAsBoolean()) {
      pace(request);
    } else {
      request.onThrottleReady(false);
    }
  }

  /** Decides after {@link #OUTAGE_PACE}: a refusal then comes no faster than a retry of it could. */
  private void pace(Throttled request) {
    try {
      pacer.schedule(() -> release(request), OUTAGE_PACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException sessionClosed) {
      release(request);
    }
  }

  private void release(Throttled request) {
    if (closed) {
      request.onThrottleFailure(new RequestThrottlingException("the Cassandra session is closing"));
    } else if (!writesAllowed.getAsBoolean()) {
      request.onThrottleFailure(new RequestThrottlingException(PauseFencedWrites.REFUSAL));
    } else {
      request.onThrottleReady(true);
    }
  }

  /** True while requests are paced: the last answer was that no Cassandra node could be reached. */
  boolean pacing() {
    return outage;
  }

  @Override
  public void signalSuccess(Throttled request) {
    if (outage) {
      outage = false;
      log.warn("Cassandra answers again: requests are no longer paced");
    }
  }

  @Override
  public void signalError(Throttled request, Throwable error) {
    if (error instanceof AllNodesFailedException && !outage) {
      outage = true;
      log.warn("No Cassandra node reachable ({}): each request now waits {} ms before it is tried, until one succeeds",
          error.getClass().getSimpleName(), OUTAGE_PACE.toMillis());
    }
  }

  @Override
  public void signalTimeout(Throttled request) {}

  @Override
  public void close() {
    closed = true;
    pacer.shutdown();
  }
}
