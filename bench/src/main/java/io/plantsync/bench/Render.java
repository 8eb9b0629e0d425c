package io.plantsync.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;

/**
 * Writes a result's Markdown and HTML again from its JSON (after a change to the report's layout):
 * {@code java -cp ... io.plantsync.bench.Render bench/results/2026-11-27-W2.json}.
 */
public final class Render {
  private Render() {}

  public static void main(String[] args) throws Exception {
    ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    for (String file : args) {
      Path path = Path.of(file);
      Report report = json.readValue(path.toFile(), Report.class);
      ReportWriter.write(report, path.toAbsolutePath().getParent()).forEach(p -> System.out.println("Wrote " + p));
    }
  }
}
