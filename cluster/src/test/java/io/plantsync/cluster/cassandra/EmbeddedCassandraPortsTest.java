package io.plantsync.cluster.cassandra;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A second dev instance on the same machine: each port of the embedded Cassandra that is taken is
 * refused before anything starts, naming the variable that moves it (bin/plantsync help).
 */
class EmbeddedCassandraPortsTest {

  @Test
  void aTakenPortIsNamedWithTheVariableThatMovesIt() throws Exception {
    Path data = Files.createTempDirectory("ports-");
    EmbeddedCassandraSettings free = EmbeddedCassandraSettings.onFreePorts(data);
    String[][] cases = {{"CQL", "PLANTSYNC_CASSANDRA_PORT"}, {"storage", "PLANTSYNC_CASSANDRA_STORAGE_PORT"},
        {"JMX", "PLANTSYNC_CASSANDRA_JMX_PORT"}};
    int[] ports = {free.cqlPort(), free.storagePort(), free.jmxPort()};
    for (int i = 0; i < ports.length; i++) {
      try (ServerSocket taken = new ServerSocket()) {
        taken.bind(new InetSocketAddress(InetAddress.getByName(free.listenHost()), ports[i]));
        String what = cases[i][0];
        assertThatThrownBy(() -> EmbeddedCassandra.start(free))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining(what + " port " + free.listenHost() + ":" + ports[i] + " is already in use")
            .hasMessageContaining("set " + cases[i][1]);
      }
    }
  }
}
