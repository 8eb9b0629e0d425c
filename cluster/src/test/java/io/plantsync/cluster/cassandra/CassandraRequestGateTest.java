package io.plantsync.cluster.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.NoNodeAvailableException;
import com.datastax.oss.driver.api.core.RequestThrottlingException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;
import com.datastax.oss.driver.api.core.session.throttling.Throttled;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class CassandraRequestGateTest {

  private final ManualPacer pacer = new ManualPacer();
  private final AtomicBoolean writesAllowed = new AtomicBoolean(true);
  private final CassandraRequestGate gate = new CassandraRequestGate(pacer, writesAllowed::get);

  @Test
  void requestsPassStraightThroughWhileCassandraAnswers() {
    var request = new Recorded();
    gate.register(request);
    assertThat(request.ready).isTrue();
    assertThat(request.delayed).isFalse();
    assertThat(pacer.waiting).isEmpty();
  }

  @Test
  void whileNoNodeIsReachableEachRequestWaitsItsPaceAndTheFirstSuccessEndsThat() {
    gate.signalError(new Recorded(), new NoNodeAvailableException());
    var paced = new Recorded();
    gate.register(paced);
    assertThat(paced.ready).as("not tried at once").isFalse();
    assertThat(pacer.delaysMillis).containsExactly(CassandraRequestGate.OUTAGE_PACE.toMillis());

    pacer.runAll();
    assertThat(paced.ready).isTrue();
    assertThat(paced.delayed).isTrue();

    gate.signalSuccess(paced);
    var next = new Recorded();
    gate.register(next);
    assertThat(next.ready).isTrue();
    assertThat(gate.pacing()).isFalse();
  }

  @Test
  void otherErrorsDoNotPace() {
    gate.signalError(new Recorded(), new WriteTimeoutException(null, null, 0, 1, null));
    gate.signalTimeout(new Recorded());
    assertThat(gate.pacing()).isFalse();
  }

  @Test
  void requestsStillWaitingWhenTheSessionClosesFailInsteadOfHanging() {
    gate.signalError(new Recorded(), new NoNodeAvailableException());
    var paced = new Recorded();
    gate.register(paced);
    gate.close();
    pacer.runAll();
    assertThat(paced.ready).isFalse();
    assertThat(paced.refused).hasMessageContaining("closing");

    var late = new Recorded();
    gate.register(late);
    assertThat(late.refused).isNotNull();
  }

  @Test
  void afterAPauseNothingIsSentAndEachRefusalTakesItsPaceSoRetryLoopsDoNotSpin() {
    writesAllowed.set(false);
    var refused = new Recorded();
    gate.register(refused);
    assertThat(refused.refused).as("not refused at once").isNull();
    assertThat(pacer.delaysMillis).containsExactly(CassandraRequestGate.OUTAGE_PACE.toMillis());

    pacer.runAll();
    assertThat(refused.ready).isFalse();
    assertThat(refused.refused).hasMessageContaining("paused longer than its max-pause");
  }

  @Test
  void aRequestPacedDuringAnOutageIsRefusedIfTheFenceTripsMeanwhile() {
    gate.signalError(new Recorded(), new NoNodeAvailableException());
    var paced = new Recorded();
    gate.register(paced);
    writesAllowed.set(false);
    pacer.runAll();
    pacer.runAll();
    assertThat(paced.ready).isFalse();
    assertThat(paced.refused).hasMessageContaining("paused longer than its max-pause");
  }

  private static final class Recorded implements Throttled {
    boolean ready;
    boolean delayed;
    RequestThrottlingException refused;

    @Override
    public void onThrottleReady(boolean wasDelayed) {
      ready = true;
      delayed = wasDelayed;
    }

    @Override
    public void onThrottleFailure(RequestThrottlingException error) {
      refused = error;
    }
  }

  /** Holds scheduled work until the test runs it: no waiting on real time. */
  private static final class ManualPacer extends ScheduledThreadPoolExecutor {
    final List<Runnable> waiting = new ArrayList<>();
    final List<Long> delaysMillis = new ArrayList<>();

    ManualPacer() {
      super(0);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
      waiting.add(command);
      delaysMillis.add(unit.toMillis(delay));
      return new Pending<>();
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
      throw new UnsupportedOperationException();
    }

    void runAll() {
      List<Runnable> due = List.copyOf(waiting);
      waiting.clear();
      due.forEach(Runnable::run);
    }
  }

  private static final class Pending<V> implements ScheduledFuture<V> {
    @Override public long getDelay(TimeUnit unit) { return 0; }
    @Override public int compareTo(Delayed other) { return 0; }
    @Override public boolean cancel(boolean mayInterrupt) { return false; }
    @Override public boolean isCancelled() { return false; }
    @Override public boolean isDone() { return false; }
    @Override public V get() { return null; }
    @Override public V get(long timeout, TimeUnit unit) { return null; }
  }
}
