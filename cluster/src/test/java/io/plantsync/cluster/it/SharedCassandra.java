package io.plantsync.cluster.it;

import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.OptionsMap;
import io.plantsync.cluster.cassandra.EmbeddedCassandra;
import io.plantsync.cluster.cassandra.EmbeddedCassandraSettings;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real Cassandra node for all integration tests of a run, on free ports in a fresh folder.
 * Started on first use, stopped when the test run ends (JUnit closes root-store resources).
 */
public final class SharedCassandra implements BeforeAllCallback {

  private static EmbeddedCassandra node;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(SharedCassandra.class, key -> new Resource(), Resource.class);
  }

  public static EmbeddedCassandra node() {
    if (node == null) throw new IllegalStateException("annotate the test with @ExtendWith(SharedCassandra.class)");
    return node;
  }

  /**
   * {@code builder} aimed at {@code cassandra} with the driver's defaults only: the node's
   * application.conf on the test classpath names the developer's Cassandra, not this one.
   */
  public static CqlSessionBuilder direct(EmbeddedCassandra cassandra, CqlSessionBuilder builder) {
    return builder.withConfigLoader(DriverConfigLoader.fromMap(OptionsMap.driverDefaults()))
        .addContactPoint(new InetSocketAddress(cassandra.host(), cassandra.cqlPort()))
        .withLocalDatacenter(EmbeddedCassandra.LOCAL_DATACENTER);
  }

  private static final class Resource implements AutoCloseable {
    Resource() {
      try {
        Path work = Path.of(System.getProperty("plantsync.test.work-dir", "target/it-work"));
        Files.createDirectories(work);
        Path dataDir = Files.createTempDirectory(work, "cassandra-");
        node = EmbeddedCassandra.start(EmbeddedCassandraSettings.onFreePorts(dataDir));
      } catch (Exception e) {
        throw new IllegalStateException("could not start the embedded Cassandra for the tests", e);
      }
    }

    @Override
    public void close() {
      node.stop();
    }
  }
}
