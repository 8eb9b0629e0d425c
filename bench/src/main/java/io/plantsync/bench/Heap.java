package io.plantsync.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The node's live heap: a full GC ({@code jcmd <pid> GC.run}), then the heap in use
 * ({@code jcmd <pid> GC.heap_info}); and how many objects are live (the node's
 * {@code plantsync_entities_live} meters on the management port's /metrics).
 */
final class Heap {
  private Heap() {}

  private static final Pattern USED = Pattern.compile("used (\\d+)K");

  /** Bytes in use after a full GC. */
  static long usedAfterFullGc(long pid) throws IOException, InterruptedException {
    jcmd(pid, "GC.run");
    return parseUsedBytes(jcmd(pid, "GC.heap_info"));
  }

  /** The first {@code used NK} of the heap summary (G1: the whole heap; other collectors: their generations summed). */
  static long parseUsedBytes(String heapInfo) {
    long total = 0;
    for (String line : heapInfo.split("\\R")) {
      String l = line.trim();
      if (l.startsWith("Metaspace") || l.startsWith("class space")) continue;
      Matcher m = USED.matcher(l);
      if (!m.find()) continue;
      if (l.startsWith("garbage-first heap")) return Long.parseLong(m.group(1)) * 1024;
      if (l.contains("generation") || l.startsWith("PSYoungGen") || l.startsWith("ParOldGen")) total += Long.parseLong(m.group(1)) * 1024;
    }
    if (total == 0) throw new IllegalStateException("no heap figure in: " + heapInfo);
    return total;
  }

  /** Live entities of every type on the node, from its Prometheus meters. */
  static long liveObjects(URI metrics) throws IOException, InterruptedException {
    String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    return parseLiveObjects(body);
  }

  static long parseLiveObjects(String prometheus) {
    double live = 0;
    for (String line : prometheus.split("\n")) {
      if (line.startsWith("plantsync_entities_live{")) live += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }
    return Math.round(live);
  }

  private static String jcmd(long pid, String command) throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process process = new ProcessBuilder(Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd", Long.toString(pid), command)
        .redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) throw new IOException("jcmd " + pid + " " + command + " failed: " + out);
    return out;
  }
}
