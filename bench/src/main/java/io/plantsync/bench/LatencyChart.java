package io.plantsync.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The latency-vs-throughput chart of a run as one self-contained HTML page: inline SVG (no scripts,
 * no external files), p50 and p99 against achieved commands/s on a logarithmic latency axis, each
 * point labelled with its offered rate, then the report's tables.
 */
final class LatencyChart {
  private LatencyChart() {}

  private static final int WIDTH = 760;
  private static final int HEIGHT = 440;
  private static final int LEFT = 95;
  private static final int RIGHT = 30;
  private static final int TOP = 40;
  private static final int BOTTOM = 60;

  static String html(Report r) {
    StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(escape(r.workload() + " " + r.date())).append("</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:1200px}"
            + "table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:3px 6px;text-align:right}"
            + "td:first-child,th:first-child{text-align:left}.miss{color:#b00;font-weight:bold}.pass{color:#070}</style>"
            + "</head><body>\n");
    html.append("<h1>").append(escape(r.workload() + ": " + r.title() + " (" + r.date() + ")")).append("</h1>\n<p>")
        .append(escape(ReportWriter.machine(r.machine()))).append("<br><code>").append(escape(r.command())).append("</code></p>\n");
    if (!r.steps().isEmpty()) html.append(svg(r)).append('\n');
    if (!r.targets().isEmpty()) {
      html.append("<h2>Targets</h2><table><tr><th>target</th><th>measured</th><th>result</th></tr>\n");
      for (Report.TargetCheck t : r.targets()) {
        html.append("<tr><td>").append(escape(t.target())).append("</td><td>").append(escape(t.measured()))
            .append("</td><td class=\"").append(t.pass() ? "pass\">pass" : "miss\">miss").append("</td></tr>\n");
      }
      html.append("</table>\n");
    }
    if (!r.steps().isEmpty()) {
      html.append("<h2>Rate steps</h2>\n").append(table(ReportWriter.stepsTable(r)));
    }
    if (r.raw() != null) {
      html.append(String.format(Locale.ROOT, "<p>Raw Cassandra in the same run: %,.0f rows/s (%d-byte events, p99 %.1f ms).</p>%n",
          r.raw().rowsPerSecond(), r.raw().shape().eventBytes(), r.raw().p99Millis()));
    }
    if (!r.figures().isEmpty()) {
      html.append("<h2>Other figures</h2><table><tr><th>figure</th><th>value</th><th>how</th></tr>\n");
      for (Report.Figure f : r.figures()) {
        html.append("<tr><td>").append(escape(f.name())).append("</td><td>").append(escape(f.value())).append("</td><td>")
            .append(escape(f.how())).append("</td></tr>\n");
      }
      html.append("</table>\n");
    }
    if (!r.notes().isEmpty()) {
      html.append("<h2>Notes</h2><ul>\n");
      for (String note : r.notes()) html.append("<li>").append(escape(note)).append("</li>\n");
      html.append("</ul>\n");
    }
    return html.append("</body></html>\n").toString();
  }

  /** p50 and p99 (log scale) against achieved rate; null-safe for steps without answers. */
  static String svg(Report r) {
    List<Report.Step> steps = r.steps();
    double maxX = 0;
    double minY = Double.MAX_VALUE;
    double maxY = 0;
    for (Report.Step s : steps) {
      maxX = Math.max(maxX, Math.max(s.achievedRate(), s.offeredRate()));
      minY = Math.min(minY, Math.max(0.1, s.latency().p50()));
      maxY = Math.max(maxY, Math.max(0.1, s.latency().p99()));
    }
    if ("W2".equals(r.workload())) minY = Math.min(minY, Targets.W2_P99_MILLIS);
    double xMax = niceCeiling(maxX * 1.05);
    int decadeLow = (int) Math.floor(Math.log10(minY));
    int decadeHigh = Math.max(decadeLow + 1, (int) Math.ceil(Math.log10(maxY)));
    int plotW = WIDTH - LEFT - RIGHT;
    int plotH = HEIGHT - TOP - BOTTOM;
    Scale scale = new Scale(xMax, decadeLow, decadeHigh, plotW, plotH);

    StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n",
        WIDTH, HEIGHT, WIDTH, HEIGHT));
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"15\">%s: latency vs throughput</text>%n",
        LEFT, escape(r.workload())));
    svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>%n",
        LEFT, TOP, plotW, plotH));
    for (int d = decadeLow; d < decadeHigh; d++) {
      for (int m : new int[] {2, 5}) {
        double y = TOP + scale.y(m * Math.pow(10, d));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#f4f4f4\"/>"
            + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" font-size=\"10\" fill=\"#999\">%s</text>%n",
            LEFT, y, LEFT + plotW, y, LEFT - 6, y + 4, label(m * Math.pow(10, d))));
      }
    }
    for (int d = decadeLow; d <= decadeHigh; d++) {
      double y = TOP + scale.y(Math.pow(10, d));
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>"
          + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s ms</text>%n", LEFT, y, LEFT + plotW, y, LEFT - 6, y + 4,
          label(Math.pow(10, d))));
    }
    for (int i = 0; i <= 5; i++) {
      double value = xMax * i / 5;
      double x = LEFT + scale.x(value);
      svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>"
          + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%,.0f</text>%n", x, TOP, x, TOP + plotH, x, TOP + plotH + 16, value));
    }
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">achieved commands/s (200 answers)</text>%n",
        LEFT + plotW / 2, HEIGHT - 18));
    Double targetRate = targetRate(r.workload());
    if (targetRate != null && targetRate <= xMax) {
      double x = LEFT + scale.x(targetRate);
      svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#27ae60\" "
          + "stroke-dasharray=\"6,4\"/><text x=\"%.1f\" y=\"%d\" fill=\"#27ae60\" font-size=\"10\">target %,.0f/s</text>%n",
          x, TOP, x, TOP + plotH, x + 4, TOP + plotH - 6, targetRate));
    }
    if ("W2".equals(r.workload())) {
      double y = TOP + scale.y(Targets.W2_P99_MILLIS);
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#27ae60\" "
          + "stroke-dasharray=\"6,4\"/><text x=\"%d\" y=\"%.1f\" fill=\"#27ae60\" font-size=\"10\">p99 target %.0f ms</text>%n",
          LEFT, y, LEFT + plotW, y, LEFT + 4, y - 4, Targets.W2_P99_MILLIS));
    }
    svg.append(series(steps, scale, true, "#c0392b", "p99"));
    svg.append(series(steps, scale, false, "#2e86c1", "p50"));
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#c0392b\">&#9679; p99</text>"
        + "<text x=\"%d\" y=\"%d\" fill=\"#2e86c1\">&#9679; p50</text>"
        + "<text x=\"%d\" y=\"%d\" fill=\"#666\">labels: offered rate</text>%n",
        LEFT + plotW - 200, TOP + 16, LEFT + plotW - 140, TOP + 16, LEFT + plotW - 200, TOP + 32));
    return svg.append("</svg>").toString();
  }

  private static String series(List<Report.Step> steps, Scale scale, boolean p99, String colour, String name) {
    List<String> points = new ArrayList<>();
    StringBuilder marks = new StringBuilder();
    for (Report.Step s : steps) {
      double value = Math.max(0.1, p99 ? s.latency().p99() : s.latency().p50());
      double x = LEFT + scale.x(s.achievedRate());
      double y = TOP + scale.y(value);
      points.add(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
      marks.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"><title>%s %.1f ms at %,.0f/s "
          + "(offered %,.0f/s)</title></circle>%n", x, y, colour, name, value, s.achievedRate(), s.offeredRate()));
      if (p99) {
        marks.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" fill=\"#666\">%,.0f</text>%n",
            x + 6, y - 6, s.offeredRate()));
      }
    }
    return String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n",
        colour, String.join(" ", points)) + marks;
  }

  private record Scale(double xMax, int decadeLow, int decadeHigh, int width, int height) {
    double x(double value) {
      return width * Math.min(1, value / xMax);
    }

    double y(double millis) {
      double position = (Math.log10(millis) - decadeLow) / (decadeHigh - decadeLow);
      return height * (1 - Math.max(0, Math.min(1, position)));
    }
  }

  /** The throughput the issue sets for a workload, drawn as a dashed line. */
  private static Double targetRate(String workload) {
    return switch (workload) {
      case "W2" -> Targets.W2_RATE;
      case "W3" -> Targets.W3_RATE;
      case "W4" -> Targets.W4_RATE;
      default -> null;
    };
  }

  static double niceCeiling(double value) {
    if (value <= 0) return 1;
    double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
    for (double step : new double[] {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
      if (step * magnitude >= value) return step * magnitude;
    }
    return 10 * magnitude;
  }

  private static String label(double millis) {
    return millis < 1 ? String.format(Locale.ROOT, "%.1f", millis) : String.format(Locale.ROOT, "%,.0f", millis);
  }

  /** A Markdown table (as {@link ReportWriter#stepsTable} writes it) as an HTML table. */
  static String table(String markdown) {
    StringBuilder html = new StringBuilder("<table>\n");
    String[] lines = markdown.split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (i == 1) continue;
      String[] cells = lines[i].substring(1, lines[i].length() - 1).split("\\|");
      html.append("<tr>");
      for (String cell : cells) {
        String tag = i == 0 ? "th" : "td";
        html.append('<').append(tag).append('>').append(escape(cell.trim())).append("</").append(tag).append('>');
      }
      html.append("</tr>\n");
    }
    return html.append("</table>\n").toString();
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
