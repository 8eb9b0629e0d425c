package io.plantsync.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * CPU time from Linux's /proc: a process's user + system time ({@code /proc/<pid>/stat} fields 14
 * and 15, in clock ticks of {@code getconf CLK_TCK}), and the whole machine's busy and total time
 * ({@code /proc/stat}), to tell whether the box was saturated.
 */
final class ProcessCpu {
  private ProcessCpu() {}

  static final long TICKS_PER_SECOND = clockTicks();

  /** User + system CPU milliseconds of {@code pid} so far; 0 when it is gone. */
  static long millis(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
      return ticksToMillis(parseTicks(stat));
    } catch (IOException gone) {
      return 0;
    }
  }

  /** utime + stime from a /proc/<pid>/stat line; the command name in parentheses may contain spaces. */
  static long parseTicks(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
    // fields[0] is field 3 (state): utime is field 14, stime field 15.
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  static long ticksToMillis(long ticks) {
    return ticks * 1000 / TICKS_PER_SECOND;
  }

  /** {busy, total} ticks of all CPUs since boot (busy = total - idle - iowait). */
  static long[] machineTicks() {
    try {
      String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
      String[] f = line.trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < Math.min(f.length, 9); i++) total += Long.parseLong(f[i]);
      long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
      return new long[] {total - idle, total};
    } catch (IOException | RuntimeException unavailable) {
      return new long[] {0, 0};
    }
  }

  private static long clockTicks() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
      return getconf.waitFor() == 0 ? Long.parseLong(out) : 100;
    } catch (IOException | InterruptedException | NumberFormatException e) {
      return 100;
    }
  }

  /**
   * Waits until the node uses less than {@code cores} over {@code window} (a restarted node first
   * starts its projections, which poll Cassandra hard for some seconds), or until {@code timeout}.
   * Cassandra is only reported: after a bulk load it compacts for minutes (~0.3 cores here).
   * Returns the node's use in the last window, in cores.
   */
  static double awaitSettled(long nodePid, long cassandraPid, double cores, Duration window, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    double used;
    do {
      Meter meter = start(nodePid, cassandraPid);
      Thread.sleep(window.toMillis());
      Usage usage = meter.stop();
      used = usage.nodeMillis() / (double) window.toMillis();
      System.out.printf(Locale.ROOT, "  waiting for the node to settle: node %.2f cores (until < %.2f), Cassandra %.2f%n",
          used, cores, usage.cassandraMillis() / (double) window.toMillis());
    } while (used >= cores && System.nanoTime() < deadline);
    return used;
  }

  /** CPU of the node, Cassandra and this generator over an interval, and how busy the machine was. */
  record Usage(long nodeMillis, long cassandraMillis, long benchMillis, double machineBusy) {}

  /** Starts measuring now; {@link Meter#stop()} gives the usage since. */
  static Meter start(long nodePid, long cassandraPid) {
    return new Meter(nodePid, cassandraPid);
  }

  static final class Meter {
    private final long nodePid;
    private final long cassandraPid;
    private final long node;
    private final long cassandra;
    private final long bench;
    private final long[] machine;

    private Meter(long nodePid, long cassandraPid) {
      this.nodePid = nodePid;
      this.cassandraPid = cassandraPid;
      this.node = millis(nodePid);
      this.cassandra = millis(cassandraPid);
      this.bench = millis(ProcessHandle.current().pid());
      this.machine = machineTicks();
    }

    Usage stop() {
      long[] now = machineTicks();
      double busy = now[1] == machine[1] ? 0 : (double) (now[0] - machine[0]) / (now[1] - machine[1]);
      return new Usage(millis(nodePid) - node, millis(cassandraPid) - cassandra,
          millis(ProcessHandle.current().pid()) - bench, busy);
    }
  }
}
