package io.plantsync.cluster.it;

import io.plantsync.cluster.cassandra.EmbeddedCassandra;
import io.plantsync.cluster.cassandra.EmbeddedCassandraSettings;
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
