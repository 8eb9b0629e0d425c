package io.plantsync.cluster.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.internal.core.context.InternalDriverContext;
import io.plantsync.cluster.cassandra.FencedSessionBuilder;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The frozen-node race FrozenNodeIT once caught, made deterministic: a write is accepted by the
 * driver, then waits on a busy I/O thread while the node's pause fence trips (as when SIGSTOP lands
 * between the two). A plain driver session still sends it afterwards; a node's fenced session
 * does not.
 */
@ExtendWith(SharedCassandra.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class FencedSessionIT {

  private static CqlSession reader;

  @BeforeAll
  static void createTable() {
    reader = builder(CqlSession.builder()).build();
    reader.execute("CREATE KEYSPACE IF NOT EXISTS fence_it "
        + "WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
    reader.execute("CREATE TABLE IF NOT EXISTS fence_it.writes (id text PRIMARY KEY)");
  }

  @AfterAll
  static void closeReader() {
    reader.close();
  }

  @Test
  void aWriteQueuedOnTheIoThreadWhenTheFenceTripsIsNeverSent() throws Exception {
    AtomicBoolean writesAllowed = new AtomicBoolean(true);
    try (CqlSession node = builder(new FencedSessionBuilder(writesAllowed::get)).build()) {
      String before = insert(node, () -> {});
      String queued = insert(node, () -> writesAllowed.set(false));

      assertThat(stored(before)).as("written while the fence allowed writes").isTrue();
      assertThat(stored(queued)).as("queued before the pause, sent after it").isFalse();
    }
  }

  @Test
  void aPlainDriverSessionSendsTheQueuedWriteAfterThePause() throws Exception {
    try (CqlSession unfenced = builder(CqlSession.builder()).build()) {
      String queued = insert(unfenced, () -> {});

      assertThat(stored(queued)).as("the race this guards against is real").isTrue();
    }
  }

  /**
   * Holds every I/O thread of the session, issues an insert (which passes the driver's throttler
   * and is queued), runs {@code meanwhile}, releases the threads and waits for the insert's outcome.
   */
  private static String insert(CqlSession session, Runnable meanwhile) throws Exception {
    String id = UUID.randomUUID().toString();
    CountDownLatch release = new CountDownLatch(1);
    var ioThreads = ((InternalDriverContext) session.getContext()).getNettyOptions().ioEventLoopGroup();
    ioThreads.forEach(thread -> thread.execute(() -> awaitQuietly(release)));
    CompletableFuture<?> write =
        session.executeAsync("INSERT INTO fence_it.writes (id) VALUES ('" + id + "')").toCompletableFuture();
    meanwhile.run();
    release.countDown();
    write.handle((result, error) -> null).get(30, TimeUnit.SECONDS);
    return id;
  }

  private static boolean stored(String id) {
    return reader.execute("SELECT id FROM fence_it.writes WHERE id = ?", id).one() != null;
  }

  private static CqlSessionBuilder builder(CqlSessionBuilder builder) {
    return SharedCassandra.direct(SharedCassandra.node(), builder);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
