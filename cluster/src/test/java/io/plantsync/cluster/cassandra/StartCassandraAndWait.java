package io.plantsync.cluster.cassandra;

import java.nio.file.Path;

/**
 * Test helper run in a JVM of its own: starts a node, reports the node's pid on stdout and then waits,
 * so a test can kill this JVM with SIGKILL and watch the orphaned node stop by itself.
 *
 * <p>Argument: the data directory. Output: a line {@code CASSANDRA_PID=<pid>} once CQL answers.
 */
public final class StartCassandraAndWait {

  static final String PID_PREFIX = "CASSANDRA_PID=";

  private StartCassandraAndWait() {
  }

  public static void main(String[] args) throws InterruptedException {
    EmbeddedCassandra cassandra = EmbeddedCassandra.start(EmbeddedCassandraSettings.onFreePorts(Path.of(args[0])));
    System.out.println(PID_PREFIX + cassandra.pid());
    System.out.flush();
    // No shutdown hook on purpose: the node must notice on its own that this JVM is gone.
    Thread.sleep(Long.MAX_VALUE);
  }
}
