package io.plantsync.cluster.cassandra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how an {@link EmbeddedCassandra} node runs.
 *
 * @param dataDirectory  holds everything of the node: data, commit log, generated config and {@code cassandra.log}
 * @param listenHost     address for CQL, inter-node traffic and gossip; loopback keeps the node private
 * @param cqlPort        native transport (CQL) port
 * @param storagePort    inter-node port; also the seed address of this single-node cluster
 * @param jmxPort        local JMX port, used by nodetool
 * @param heapSize       {@code -Xms}/{@code -Xmx} value of the child JVM, e.g. {@code "1g"}
 * @param startupTimeout how long {@link EmbeddedCassandra#start} waits for CQL to answer
 */
public record EmbeddedCassandraSettings(
    Path dataDirectory,
    String listenHost,
    int cqlPort,
    int storagePort,
    int jmxPort,
    String heapSize,
    Duration startupTimeout) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final String DEFAULT_HEAP = "1g";
  // A cold start takes ~15 s on 2 cores; a loaded CI machine can be several times slower.
  public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(120);

  public EmbeddedCassandraSettings {
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    Objects.requireNonNull(listenHost, "listenHost");
    Objects.requireNonNull(heapSize, "heapSize");
    Objects.requireNonNull(startupTimeout, "startupTimeout");
    dataDirectory = dataDirectory.toAbsolutePath().normalize();
    requirePort("cqlPort", cqlPort);
    requirePort("storagePort", storagePort);
    requirePort("jmxPort", jmxPort);
    if (cqlPort == storagePort || cqlPort == jmxPort || storagePort == jmxPort) {
      throw new IllegalArgumentException("CQL, storage and JMX ports must differ: "
          + cqlPort + ", " + storagePort + ", " + jmxPort);
    }
    if (!heapSize.matches("\\d+[kKmMgG]?")) {
      throw new IllegalArgumentException("heapSize must look like 512m or 1g, was " + heapSize);
    }
    if (startupTimeout.isNegative() || startupTimeout.isZero()) {
      throw new IllegalArgumentException("startupTimeout must be positive, was " + startupTimeout);
    }
  }

  /** Fresh ephemeral ports, so a test node never collides with a developer's node or another test. */
  public static EmbeddedCassandraSettings onFreePorts(Path dataDirectory) {
    int[] ports = EmbeddedCassandra.freePorts(3);
    return new EmbeddedCassandraSettings(
        dataDirectory, DEFAULT_HOST, ports[0], ports[1], ports[2], DEFAULT_HEAP, DEFAULT_STARTUP_TIMEOUT);
  }

  private static void requirePort(String name, int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(name + " must be in 1..65535, was " + port);
    }
  }
}
