package io.plantsync.cluster;

import java.util.Optional;

/**
 * A node started by a launcher ({@code bin/plantsync cluster}, the fault tests) gets the launcher's
 * pid in {@code plantsync.parent-pid} and shuts down (coordinated) when the launcher is gone, so a
 * killed launcher leaves no node behind holding ports and shards.
 */
final class ParentWatch {
  private ParentWatch() {}

  static void startIfConfigured() {
    String pid = System.getProperty("plantsync.parent-pid");
    if (pid == null || pid.isBlank()) return;
    Optional<ProcessHandle> parent = ProcessHandle.of(Long.parseLong(pid.trim()));
    if (parent.isEmpty()) {
      System.err.println("Launcher (pid " + pid + ") is gone; not starting");
      System.exit(1);
    }
    parent.get().onExit().thenRun(() -> {
      System.err.println("Launcher (pid " + pid + ") exited; shutting this node down");
      System.exit(0);
    });
  }
}
