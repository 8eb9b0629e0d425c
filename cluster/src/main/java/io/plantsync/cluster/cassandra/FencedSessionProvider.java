package io.plantsync.cluster.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.typesafe.config.Config;
import io.plantsync.aggregates.common.PauseFence;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.stream.connectors.cassandra.CqlSessionProvider;
import org.apache.pekko.stream.connectors.cassandra.DriverConfigLoaderFromConfig;
import scala.concurrent.ExecutionContext;
import scala.concurrent.Future;
import scala.jdk.javaapi.FutureConverters;

/**
 * The session provider of every Cassandra session a node opens (journal, snapshots, queries,
 * projection offsets and views; {@code session-provider} in persistence.conf): Pekko's default
 * provider, with sessions from {@link FencedSessionBuilder} so that nothing leaves a node whose
 * {@link PauseFence} has tripped. Contact points come from the driver configuration; Pekko
 * Discovery of Cassandra ({@code service-discovery.name}) is not supported.
 */
public final class FencedSessionProvider implements CqlSessionProvider {

  private final ActorSystem system;
  private final Config config;

  public FencedSessionProvider(ActorSystem system, Config config) {
    this.system = system;
    this.config = config;
  }

  @Override
  public Future<CqlSession> connect(ExecutionContext ec) {
    if (config.hasPath("service-discovery.name") && !config.getString("service-discovery.name").isEmpty()) {
      return FutureConverters.asScala(CompletableFuture.failedFuture(new IllegalArgumentException(
          "service-discovery is not supported by " + getClass().getName()
              + "; set the contact points in datastax-java-driver.basic.contact-points")));
    }
    Config driverConfig = CqlSessionProvider.driverConfig(system, config);
    return FutureConverters.asScala(new FencedSessionBuilder(PauseFence::writesAllowedInThisJvm)
        .withConfigLoader(new DriverConfigLoaderFromConfig(driverConfig))
        .buildAsync());
  }
}
