package io.plantsync.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Where a JVM's CPU goes, by kind of thread, from Linux's {@code /proc/<pid>/task}: Pekko's
 * dispatchers, the Cassandra driver's threads, the JIT compilers, GC and VM threads. Tells a slow
 * replay from a JIT still compiling. Threads that end between two snapshots are not counted.
 */
final class ThreadCpu {
  private ThreadCpu() {}

  /** CPU milliseconds so far of every live thread of {@code pid}, by kind. */
  static Map<String, Long> snapshot(long pid) {
    Map<String, Long> byKind = new TreeMap<>();
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : tasks) {
        try {
          String name = Files.readString(task.resolve("comm"), StandardCharsets.UTF_8).trim();
          long ticks = ProcessCpu.parseTicks(Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII));
          byKind.merge(kind(name), ProcessCpu.ticksToMillis(ticks), Long::sum);
        } catch (IOException threadEnded) {
          // gone since the listing
        }
      }
    } catch (IOException processGone) {
      // nothing to report
    }
    return byKind;
  }

  /** Thread names as Linux keeps them (the first 15 characters). */
  static String kind(String threadName) {
    if (threadName.startsWith("C1 Compiler") || threadName.startsWith("C2 Compiler")) return "JIT";
    if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ") || threadName.equals("VM Thread")) return "GC+VM";
    if (threadName.startsWith("PlantSync-pekko")) return "dispatchers";
    if (threadName.matches("s\\d+-.*")) return "driver";
    return "other";
  }

  /** "dispatchers 1.52 s, driver 0.31 s, ..." for the CPU used between two snapshots, largest first. */
  static String describe(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> used = new LinkedHashMap<>();
    after.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> used.put(e.getKey(), e.getValue()));
    StringJoiner text = new StringJoiner(", ");
    used.forEach((kind, millis) -> text.add(String.format(Locale.ROOT, "%s %.2f s", kind, millis / 1000.0)));
    return text.toString();
  }
}
