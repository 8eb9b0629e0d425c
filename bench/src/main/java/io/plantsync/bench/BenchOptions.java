package io.plantsync.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The command line of {@code bin/plantsync bench <W1..W5> [options]}. Every option has a default, so
 * {@code bin/plantsync bench W2} alone produces the report.
 *
 * @param workload       W1 ... W5
 * @param rate           the target rate (commands/s): the 100% step; null = the workload's default
 * @param stepDuration   how long each rate step offers load
 * @param steps          rate steps as fractions of {@code rate}
 * @param warmup         load at half the rate before the steps, not recorded (JIT, connections)
 * @param objects        existing objects for W2, W4 and W5
 * @param replayEvents   events of the single object W5 replays
 * @param rawDuration    how long the raw Cassandra write loop runs
 * @param rawConcurrency writes in flight in the raw loop
 * @param nodeHeap       -Xmx of the node (bin/plantsync dev uses 1g)
 * @param nodeProperties settings of the node to try (tuning experiments), as system properties
 * @param results        where reports are written
 */
public record BenchOptions(
    String workload, Double rate, Duration stepDuration, List<Double> steps, Duration warmup, int objects,
    int replayEvents, Duration rawDuration, int rawConcurrency, String nodeHeap, Map<String, String> nodeProperties,
    Path results) {

  public static final String USAGE = """
      usage: bin/plantsync bench <W1|W2|W3|W4|W5|IDLE> [options]
        W1  create-heavy: every command creates a new order or lot
        W2  updates (receipts, issues, reprioritisations) spread over --objects existing objects
        W3  one hot lot: receipts of 1, each with its own movementId
        W4  W2 plus one webhook receiver (ANALYTICS subscriber); projection and webhook lag
        W5  recovery: --objects passivated objects back after a restart; one object's replay with
            and without snapshots
        IDLE  --objects objects created, then no traffic: node and Cassandra CPU after two minutes
      options:
        --rate N            target commands/s, the 100% step (default W1 2000, W2 2000, W3 300, W4 1000)
        --duration 60s      load per rate step
        --steps 25,50,75,100,125   rate steps in % of --rate
        --warmup 15s        unrecorded load at 50% before the steps
        --objects 100000    existing objects (W2, W4, W5, IDLE)
        --events 50000      events of W5's single object
        --raw-duration 15s  raw Cassandra write loop
        --raw-concurrency 128
        --node-heap 1g      the node's -Xmx
        --node-property key=value   a node setting to try (repeatable), e.g.
                            pekko.persistence.cassandra.events-by-tag.flush-interval=0ms
        --results bench/results
      """;

  public static BenchOptions parse(String... args) {
    if (args.length == 0) throw new IllegalArgumentException("name a workload (W1..W5, IDLE)");
    String workload = args[0].toUpperCase(Locale.ROOT);
    if (!workload.matches("W[1-5]|IDLE")) throw new IllegalArgumentException("unknown workload " + args[0]);
    Double rate = null;
    Duration duration = Duration.ofSeconds(60);
    List<Double> steps = List.of(0.25, 0.50, 0.75, 1.00, 1.25);
    Duration warmup = Duration.ofSeconds(15);
    int objects = 100_000;
    int events = 50_000;
    Duration rawDuration = Duration.ofSeconds(15);
    int rawConcurrency = 128;
    String heap = "1g";
    Map<String, String> properties = new TreeMap<>();
    Path results = Path.of("bench", "results");
    for (int i = 1; i < args.length; i++) {
      String option = args[i];
      if (i + 1 >= args.length) throw new IllegalArgumentException(option + " needs a value");
      String value = args[++i];
      switch (option) {
        case "--rate" -> rate = positive(option, Double.parseDouble(value));
        case "--duration" -> duration = duration(value);
        case "--steps" -> steps = percentages(value);
        case "--warmup" -> warmup = duration(value);
        case "--objects" -> objects = (int) positive(option, Integer.parseInt(value));
        case "--events" -> events = (int) positive(option, Integer.parseInt(value));
        case "--raw-duration" -> rawDuration = duration(value);
        case "--raw-concurrency" -> rawConcurrency = (int) positive(option, Integer.parseInt(value));
        case "--node-heap" -> heap = value;
        case "--node-property" -> {
          int eq = value.indexOf('=');
          if (eq < 1) throw new IllegalArgumentException("--node-property needs key=value, was " + value);
          properties.put(value.substring(0, eq), value.substring(eq + 1));
        }
        case "--results" -> results = Path.of(value);
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    return new BenchOptions(workload, rate, duration, steps, warmup, objects, events, rawDuration,
        rawConcurrency, heap, Map.copyOf(properties), results);
  }

  /** {@code 500ms}, {@code 20s}, {@code 2m}; a bare number is seconds. */
  static Duration duration(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    Duration d;
    if (t.endsWith("ms")) d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
    else if (t.endsWith("s")) d = Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
    else if (t.endsWith("m")) d = Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)) * 60);
    else d = Duration.ofSeconds(Long.parseLong(t));
    if (d.isNegative()) throw new IllegalArgumentException("negative duration " + text);
    return d;
  }

  private static List<Double> percentages(String text) {
    List<Double> steps = new ArrayList<>();
    for (String part : text.split(",")) steps.add(positive("--steps", Double.parseDouble(part.trim())) / 100.0);
    return List.copyOf(steps);
  }

  private static double positive(String option, double value) {
    if (value <= 0) throw new IllegalArgumentException(option + " must be positive, was " + value);
    return value;
  }
}
