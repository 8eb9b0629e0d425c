package io.plantsync.cassandra;

import org.apache.cassandra.service.CassandraDaemon;

/**
 * Entry point of the child JVM that runs the embedded Cassandra node.
 *
 * <p>A JVM killed with SIGKILL runs no shutdown hooks, so the parent cannot stop its Cassandra child
 * on its way out. Instead the child watches the parent: system property {@code plantsync.parent-pid}
 * names it, and when it disappears the child exits, which lets Cassandra's own shutdown hook run.
 * Without the property the node simply runs until it is stopped.
 */
public final class ParentGuardedCassandra {

  static final String PARENT_PID_PROPERTY = "plantsync.parent-pid";

  private ParentGuardedCassandra() {
  }

  public static void main(String[] args) {
    String parentPid = System.getProperty(PARENT_PID_PROPERTY);
    if (parentPid != null && !parentPid.isBlank()) {
      guardParent(Long.parseLong(parentPid.trim()));
      ignoreCtrlC();
    }
    CassandraDaemon.main(args);
  }

  /**
   * Ctrl-C in a terminal signals the whole process group, this child included. The node must stop
   * first (its last writes need Cassandra), so the child ignores SIGINT and stops only when the
   * parent sends SIGTERM after the node is down, or when the parent is gone.
   */
  private static void ignoreCtrlC() {
    sun.misc.Signal.handle(new sun.misc.Signal("INT"), sun.misc.SignalHandler.SIG_IGN);
  }

  private static void guardParent(long pid) {
    // Checked before Cassandra starts: a parent that died while this JVM was booting
    // would otherwise leave a node nobody will ever stop.
    ProcessHandle parent = ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .orElse(null);
    if (parent == null) {
      System.err.println("ParentGuardedCassandra: parent process " + pid + " is gone, not starting");
      System.exit(0);
    }
    parent.onExit().thenRun(() -> {
      System.err.println("ParentGuardedCassandra: parent process " + pid + " exited, stopping Cassandra");
      // System.exit blocks until the shutdown hooks finish; keep it off the
      // common pool thread that completes onExit().
      Thread exit = new Thread(() -> System.exit(0), "parent-guard-exit");
      exit.setDaemon(false);
      exit.start();
    });
  }
}
