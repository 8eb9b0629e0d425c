package io.plantsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

  static Report.Step step(double offered, double achieved, double p99, Map<String, Long> outcomes, long sent) {
    return new Report.Step(String.format("%.0f", offered), offered, 60, sent, achieved,
        new Report.Latency(p99 / 4, p99 / 2, p99, p99 * 2, p99 * 3), outcomes, 0.2, 1.5, 0,
        new Report.Cpu(60_000, 30_000, 5_000, 0.75, 90, 3), 0.1, null, null, null);
  }

  static Report report(List<Report.Step> steps) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("target rate (100% step)", 2000.0);
    return new Report("W2", "updates spread over 100,000 existing objects", "2026-11-27", "2026-11-27T08:00:00Z",
        "bin/plantsync bench W2", new Report.Machine(2, "Test CPU", "23 GB", "Linux", "17"), settings,
        new RawCassandra.Result(new RawCassandra.RowShape(100, 180, 30, "m", ""), 128, 15, 300_000, 0, 20_000, 2, 9, 15_000, 0.05),
        steps, List.of(new Report.Figure("heap per live object", "1.50 KB", "jcmd")),
        List.of(Targets.rate(">= 2,000 commands/s sustained with p99 <= 50 ms", steps, 2000, 50.0)), List.of("a note"));
  }

  @Test
  void markdown_has_one_row_per_step_and_names_failures_by_kind() {
    List<Report.Step> steps = List.of(step(1000, 1000, 8, Map.of("200 applied", 60_000L), 60_000),
        step(2000, 1500, 900, Map.of("200 applied", 90_000L, "503", 25L, "timeout", 5L), 90_050));
    String md = ReportWriter.markdown(report(steps), "chart.html");
    assertThat(md).contains("| 1000 | 1,000 | 1,000 | 2.0 | 4.0 | 8.0 |");
    assertThat(md).contains("50 (503: 25, timeout: 5, unanswered: 20)");
    assertThat(md).contains("| >= 2,000 commands/s sustained with p99 <= 50 ms | 1,000 commands/s sustained");
    assertThat(md).contains("**miss**");
    assertThat(md).contains("20,000 rows/s");
  }

  @Test
  void writes_json_markdown_and_a_self_contained_chart(@TempDir Path dir) throws Exception {
    List<Path> files = ReportWriter.write(report(List.of(step(500, 500, 5, Map.of("200 applied", 1L), 1),
        step(1000, 990, 12, Map.of("200 applied", 1L), 1))), dir);
    assertThat(files).extracting(p -> p.getFileName().toString())
        .containsExactly("2026-11-27-W2.json", "2026-11-27-W2.md", "2026-11-27-W2.html");
    String html = Files.readString(files.get(2));
    assertThat(html).contains("<svg").doesNotContain("<script").doesNotContain("src=\"http");
    assertThat(Files.readString(files.get(0))).contains("\"achievedRate\" : 990.0");
  }

  @Test
  void render_writes_the_same_report_again_from_its_json(@TempDir Path dir) throws Exception {
    Report report = report(List.of(step(500, 500, 5, Map.of("200 applied", 30_000L), 30_000)));
    List<Path> files = ReportWriter.write(report, dir);
    String markdown = Files.readString(files.get(1));
    Files.delete(files.get(1));
    Render.main(new String[] {files.get(0).toString()});
    assertThat(Files.readString(files.get(1))).isEqualTo(markdown);
  }

  @Test
  void the_chart_draws_p50_and_p99_through_every_step() {
    String svg = LatencyChart.svg(report(List.of(step(500, 500, 5, Map.of(), 0), step(1000, 990, 12, Map.of(), 0),
        step(1500, 1200, 3000, Map.of(), 0))));
    assertThat(svg.split("<polyline", -1)).hasSize(3);
    assertThat(svg.split("<circle", -1)).hasSize(7);
    // latency decades from 1 ms (p50 1.25 ms) to 10 s (p99 3 s)
    assertThat(svg).contains(">1 ms<").contains(">10,000 ms<");
  }

  @Test
  void nice_axis_ceilings() {
    assertThat(LatencyChart.niceCeiling(1870)).isEqualTo(2000);
    assertThat(LatencyChart.niceCeiling(2100)).isEqualTo(2500);
    assertThat(LatencyChart.niceCeiling(2625)).isEqualTo(3000);
    assertThat(LatencyChart.niceCeiling(0)).isEqualTo(1);
  }
}
