package io.plantsync.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Writes a {@link Report} as {@code <date>-<workload>.json}, {@code .md} (tables) and {@code .html} (chart). */
final class ReportWriter {
  private ReportWriter() {}

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  static List<Path> write(Report report, Path dir) throws IOException {
    Files.createDirectories(dir);
    String base = report.date() + "-" + report.workload();
    Path json = dir.resolve(base + ".json");
    Path md = dir.resolve(base + ".md");
    Path html = dir.resolve(base + ".html");
    Files.writeString(json, JSON.writeValueAsString(report) + "\n");
    Files.writeString(md, markdown(report, base + ".html"));
    Files.writeString(html, LatencyChart.html(report));
    return List.of(json, md, html);
  }

  static String markdown(Report r, String chartFile) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(r.workload()).append(": ").append(r.title()).append(" (").append(r.date()).append(")\n\n");
    md.append("`").append(r.command()).append("`, started ").append(r.startedAt()).append(". ")
        .append(machine(r.machine())).append("\n\n");
    if (!r.targets().isEmpty()) {
      md.append("## Targets\n\n| target | measured | result |\n|---|---|---|\n");
      for (Report.TargetCheck t : r.targets()) {
        md.append("| ").append(t.target()).append(" | ").append(t.measured()).append(" | ")
            .append(t.pass() ? "pass" : "**miss**").append(" |\n");
      }
      md.append('\n');
    }
    if (!r.steps().isEmpty()) {
      md.append("## Rate steps\n\nLatency from each request's intended send time (open model, coordinated-omission-free), "
          + "every answer included. CPU per command = (node + Cassandra CPU time) / 200 answers. "
          + "Chart: [").append(chartFile).append("](").append(chartFile).append(").\n\n");
      md.append(stepsTable(r));
      md.append('\n');
    }
    if (r.raw() != null) {
      RawCassandra.Result raw = r.raw();
      md.append("## Raw Cassandra, same run\n\n").append(String.format(Locale.ROOT,
          "%,.0f rows/s into a copy of `plantsync.messages` (%d-byte event blobs as sampled from the journal, "
              + "QUORUM, %d writes in flight, %.0f s): p50 %.1f ms, p99 %.1f ms, Cassandra CPU %.3f ms per row, "
              + "%d errors.%n%n", raw.rowsPerSecond(), raw.shape().eventBytes(), raw.concurrency(), raw.seconds(),
          raw.p50Millis(), raw.p99Millis(), raw.cassandraCpuMillisPerRow(), raw.errors()));
    }
    if (!r.figures().isEmpty()) {
      md.append("## Other figures\n\n| figure | value | how |\n|---|---|---|\n");
      for (Report.Figure f : r.figures()) {
        md.append("| ").append(f.name()).append(" | ").append(f.value()).append(" | ").append(f.how()).append(" |\n");
      }
      md.append('\n');
    }
    md.append("## Settings\n\n");
    r.settings().forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
    if (!r.notes().isEmpty()) {
      md.append("\n## Notes\n\n");
      for (String note : r.notes()) md.append("- ").append(note).append('\n');
    }
    return md.toString();
  }

  static String machine(Report.Machine m) {
    return String.format(Locale.ROOT, "Machine: %d cores (%s), %s RAM, %s, Java %s; node, Cassandra and load generator "
        + "on the same machine.", m.cores(), m.cpu(), m.memory(), m.os(), m.java());
  }

  static String stepsTable(Report r) {
    boolean lag = r.steps().stream().anyMatch(s -> s.projectionLagP99Millis() != null || s.webhookLagP99Millis() != null);
    StringBuilder md = new StringBuilder("| step | offered /s | achieved /s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms "
        + "| not 200 | CPU ms/cmd | node CPU s | Cassandra CPU s | generator CPU s | machine busy | other processes | x raw Cassandra "
        + "| send lag p99 ms |" + (lag ? " projection lag p99 s | webhook lag p99 s |" : "") + "\n");
    md.append("|---".repeat(lag ? 19 : 17)).append("|\n");
    for (Report.Step s : r.steps()) {
      md.append(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %.1f | %.1f | %.1f | %.1f | %.1f | %s | %.2f | %.1f | %.1f | %.1f "
              + "| %.0f%% | %.0f%% | %s | %.1f |", s.label(), s.offeredRate(), s.achievedRate(), s.latency().p50(),
          s.latency().p90(), s.latency().p99(), s.latency().p999(), s.latency().max(), failures(s), s.cpu().perCommandMillis(),
          s.cpu().nodeMillis() / 1000.0, s.cpu().cassandraMillis() / 1000.0, s.cpu().benchMillis() / 1000.0,
          s.cpu().machineBusyPercent(),
          s.cpu().otherProcessesPercent(), s.ratioToRaw() == null ? "-" : String.format(Locale.ROOT, "%.3f", s.ratioToRaw()),
          s.sendLagP99Millis()));
      if (lag) {
        md.append(String.format(Locale.ROOT, " %s | %s |",
            s.projectionLagP99Millis() == null ? "-" : String.format(Locale.ROOT, "%.2f", s.projectionLagP99Millis() / 1000.0),
            s.webhookLagP99Millis() == null ? "-" : String.format(Locale.ROOT, "%.2f", s.webhookLagP99Millis() / 1000.0)));
      }
      md.append('\n');
    }
    return md.toString();
  }

  /** "0" or e.g. "12 (503: 10, timeout: 2)". */
  static String failures(Report.Step s) {
    long failed = s.failures();
    if (failed == 0) return "0";
    String kinds = new java.util.TreeMap<>(s.outcomes()).entrySet().stream().filter(e -> !e.getKey().startsWith("200"))
        .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "));
    long unanswered = s.sent() - s.answers();
    if (unanswered > 0) kinds += (kinds.isEmpty() ? "" : ", ") + "unanswered: " + unanswered;
    return String.format(Locale.ROOT, "%,d (%s)", failed, kinds);
  }
}
