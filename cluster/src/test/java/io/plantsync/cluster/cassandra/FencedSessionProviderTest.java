package io.plantsync.cluster.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.stream.connectors.cassandra.CqlSessionProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every Cassandra session a node opens is a fenced one (the node's own configuration). */
class FencedSessionProviderTest {

  private static ActorSystem system;

  @BeforeAll
  static void start() {
    Config node = ConfigFactory.parseString("""
        pekko.actor.provider = local
        pekko.coordinated-shutdown.exit-jvm = off
        """).withFallback(ConfigFactory.load());
    system = ActorSystem.create("fenced-sessions", node);
  }

  @AfterAll
  static void stop() throws Exception {
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void journalSnapshotsQueriesAndProjectionsAllOpenFencedSessions() {
    for (String sessionConfig : new String[] {
        "pekko.persistence.cassandra", "pekko.projection.cassandra.session-config", "pekko.connectors.cassandra"}) {
      CqlSessionProvider provider = CqlSessionProvider.apply(system, system.settings().config().getConfig(sessionConfig));
      assertThat(provider).as(sessionConfig).isInstanceOf(FencedSessionProvider.class);
    }
  }
}
