package io.plantsync.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * {@code bin/plantsync bench <workload>}: starts an embedded Cassandra and one node the README way,
 * runs the workload and writes {@code bench/results/<date>-<workload>.json}, {@code .md} and
 * {@code .html}. What each workload does and how figures are measured: src/docs/performance.md.
 */
public final class Bench {

  private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(5);
  /** W5 times replays once the restarted node uses less than this over the window (performance.md). */
  private static final double SETTLED_CORES = 0.2;
  private static final Duration SETTLE_WINDOW = Duration.ofSeconds(3);
  private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(2);
  /** Events per W5 warm-up order; as many orders as make the replayed object's events. */
  private static final int WARM_UP_EVENTS = 2_000;
  /**
   * Creating or recovering an object leaves a few cancelled timers in Pekko's scheduler (recovery and
   * ask timeouts: ~6 per object, ~300 bytes) until their deadlines pass, at most 30 s later; class
   * histograms of W5's node showed them gone once the objects had been idle that long.
   */
  private static final Duration TIMERS_EXPIRE = Duration.ofSeconds(40);
  private static final Duration PAUSE_BETWEEN_STEPS = Duration.ofSeconds(5);
  private static final Duration JIT_ROUND = Duration.ofSeconds(10);
  private static final double JIT_SETTLED = 0.05;
  private static final int JIT_ROUNDS = 6;
  /** The idle target is judged after two minutes without traffic, over a minute. */
  private static final Duration IDLE_SETTLE = Duration.ofMinutes(2);
  private static final Duration IDLE_WINDOW = Duration.ofSeconds(60);
  /** Seeding batches in flight: each batch works on 32 objects at a time (plantsync.http.batch-parallelism). */
  private static final int SEED_PARALLELISM = 4;
  private static final int SEED_LINES = 500;
  /** Lines of one object run one after another: small batches finish well within the request timeout. */
  private static final int ONE_OBJECT_LINES = 100;

  private final BenchOptions options;
  private final String command;
  private final String run = Long.toString(System.currentTimeMillis() / 1000 % 46_656L * 1000 + (long) (Math.random() * 1000), 36);
  private final Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private final Map<String, Object> settings = new LinkedHashMap<>();
  private final List<Report.Figure> figures = new ArrayList<>();
  private final List<Report.TargetCheck> targets = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final List<Report.Step> steps = new ArrayList<>();
  private RawCassandra.Result raw;

  private Bench(BenchOptions options, String command) {
    this.options = options;
    this.command = command;
  }

  public static void main(String[] args) throws Exception {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(BenchOptions.USAGE);
      System.exit(2);
      return;
    }
    Bench bench = new Bench(options, "bin/plantsync bench " + String.join(" ", args));
    Report report = bench.run();
    List<Path> files = ReportWriter.write(report, options.results());
    bench.printSummary(report, files);
    // The JDK HTTP client's selector threads would keep the JVM alive.
    System.exit(0);
  }

  private Report run() throws Exception {
    return switch (options.workload()) {
      case "W1" -> createHeavy();
      case "W2" -> spread(false);
      case "W3" -> hotObject();
      case "W4" -> spread(true);
      case "IDLE" -> idle();
      default -> recovery();
    };
  }

  // ---- workloads ----

  private Report createHeavy() throws Exception {
    double rate = rate(2000);
    try (Deployment deployment = deploy(Map.of())) {
      measure(deployment, new CreateHeavy(run), rate, null);
    }
    targets.add(Targets.rate(">= 1,000 creates/s sustained", steps, Targets.W1_RATE, null));
    targets.add(Targets.cpu(steps, null));
    return report("create-heavy: every command creates a new order or lot");
  }

  private Report spread(boolean webhook) throws Exception {
    SpreadObjects objects = new SpreadObjects(options.objects(), run);
    double rate = rate(webhook ? Targets.W4_RATE : Targets.W2_RATE);
    WebhookReceiver receiver = webhook ? new WebhookReceiver() : null;
    try (Deployment deployment = deploy(receiver == null ? Map.of() : receiver.subscriberProperties())) {
      SyncStatus status = new SyncStatus(deployment.node().httpUri());
      // A few objects first, so start-up caches, connections and projections are in the baseline.
      int warm = objects.warmCount();
      seed(deployment, objects.creations(0, warm), "warm-up objects");
      status.awaitCaughtUp(CATCH_UP_TIMEOUT);
      HeapBaseline baseline = heapBaseline(deployment);
      seed(deployment, objects.creations(warm, objects.half()), "objects");
      status.awaitCaughtUp(CATCH_UP_TIMEOUT);
      double perObject = settledHeapPerObject(deployment, baseline, "after creating the objects");
      measure(deployment, objects, rate, receiver);
      heapPerObject(deployment, baseline, "after the rate steps");
      if (webhook) {
        targets.add(Targets.projectionLag(steps));
        figures.add(new Report.Figure("webhook deliveries received", String.format(Locale.ROOT, "%,d", receiver.received()),
            "by the bench's receiver (ANALYTICS subscriber: every event type), seeding included"));
      } else {
        targets.add(Targets.rate(">= 2,000 commands/s sustained with p99 <= 50 ms", steps, Targets.W2_RATE, Targets.W2_P99_MILLIS));
        targets.add(Targets.heap(perObject, options.objects()));
      }
      targets.add(Targets.cpu(steps, webhook ? null : Targets.W2_P99_MILLIS));
    } finally {
      if (receiver != null) receiver.close();
    }
    notes.add("Projections (orchestration, views, business exceptions) run in every node and cannot be switched off by "
        + "configuration, so W2 runs with them too; W4 differs from W2 by one webhook subscriber (outbound delivery) "
        + "and by sampling the sync status.");
    return report(webhook
        ? String.format(Locale.ROOT, "W2 with projections, orchestration and one webhook receiver, %,d objects", options.objects())
        : String.format(Locale.ROOT, "updates spread over %,d existing objects", options.objects()));
  }

  private Report hotObject() throws Exception {
    HotObject hot = new HotObject(run);
    double rate = rate(Targets.W3_RATE);
    try (Deployment deployment = deploy(Map.of())) {
      new BatchSender(deployment.node().httpUri()).send("creating the hot lot", List.of(hot.creation()), 1, 1);
      measure(deployment, hot, rate, null);
    }
    targets.add(Targets.rate(">= 300 commands/s on one object", steps, Targets.W3_RATE, null));
    targets.add(Targets.cpu(steps, null));
    notes.add("Every receipt's movementId is kept for the lot's life (business-key idempotency), so the lot's state, "
        + "and each snapshot (every 100 events), grows with the run.");
    return report("one hot object: goods receipts of 1 KG on one lot, each with its own movementId");
  }

  /**
   * W5: three orders with N events written without snapshots and one with (default, every 100), N
   * objects created, then a restart: once the node has settled, the first read of an order times its
   * recovery (cold, then with snapshots); every object is read once (at most 64 reads in flight); then
   * warm-up orders are replayed (the JIT compiles the long-replay path) and the two other orders'
   * replays are timed with the JIT warm.
   */
  private Report recovery() throws Exception {
    int events = options.replayEvents();
    SpreadObjects objects = new SpreadObjects(options.objects(), run);
    String withoutSnapshots = "REPLAY-NOSNAP";
    String withSnapshots = "REPLAY-SNAP";
    String warmWithoutSnapshots = "REPLAY-NOSNAP-2";
    String warmerWithoutSnapshots = "REPLAY-NOSNAP-3";
    settings.put("events per replayed object", events);
    try (Deployment deployment = deploy(Map.of("plantsync.aggregates.snapshot-every", "1000000000"))) {
      writeOneObject(deployment, withoutSnapshots, events, "snapshot-every = 1,000,000,000");
      writeOneObject(deployment, warmWithoutSnapshots, events, "snapshot-every = 1,000,000,000 (second object)");
      writeOneObject(deployment, warmerWithoutSnapshots, events, "snapshot-every = 1,000,000,000 (third object)");
      List<String> warmUpOrders = writeWarmUpOrders(deployment, events);
      deployment.restartNode(options.nodeProperties());
      writeOneObject(deployment, withSnapshots, events, "snapshot-every = 100 (default)");
      seed(deployment, objects.creations(0, objects.half()), "objects");
      new SyncStatus(deployment.node().httpUri()).awaitCaughtUp(CATCH_UP_TIMEOUT);

      deployment.restartNode(options.nodeProperties());
      long pid = deployment.node().pid();
      // Time the replays, not the start: a restarted node's projections first catch up and poll
      // hard for a while (the replays measured during that ran at half speed or less).
      new SyncStatus(deployment.node().httpUri()).awaitCaughtUp(CATCH_UP_TIMEOUT);
      double settled = ProcessCpu.awaitSettled(pid, deployment.cassandra().pid(), SETTLED_CORES, SETTLE_WINDOW, SETTLE_TIMEOUT);
      settings.put("replays start when", String.format(Locale.ROOT,
          "projections caught up and the node below %.2f cores over %d s (was %.2f)", SETTLED_CORES,
          SETTLE_WINDOW.toSeconds(), settled));
      ObjectReads reads = new ObjectReads(deployment.node().httpUri());
      double cold = replay(reads, deployment, withoutSnapshots, events, "without snapshots, first after the restart (cold JIT)");
      replay(reads, deployment, withSnapshots, events, "with snapshots (latest snapshot + at most 99 events)");
      int warm = objects.warmCount();
      ProcessCpu.Meter cpu = ProcessCpu.start(pid, deployment.cassandra().pid());
      ObjectReads.Touched first = reads.touchAll(objects.readPaths(0, warm), 64);
      ProcessCpu.Usage firstUsage = cpu.stop();
      HeapBaseline baseline = heapBaseline(deployment);
      cpu = ProcessCpu.start(pid, deployment.cassandra().pid());
      ObjectReads.Touched rest = reads.touchAll(objects.readPaths(warm, objects.half()), 64);
      ProcessCpu.Usage usage = cpu.stop();
      double seconds = first.seconds() + rest.seconds();
      Map<String, Long> outcomes = new java.util.TreeMap<>(first.outcomes());
      rest.outcomes().forEach((k, v) -> outcomes.merge(k, v, Long::sum));
      figures.add(new Report.Figure(String.format(Locale.ROOT, "%,d passivated objects back after a restart", objects.count()),
          String.format(Locale.ROOT, "%,.0f objects/s (%.1f s; answers %s; node CPU %.2f ms + Cassandra %.2f ms per object)",
              objects.count() / seconds, seconds, outcomes,
              (double) (usage.nodeMillis() + firstUsage.nodeMillis()) / objects.count(),
              (double) (usage.cassandraMillis() + firstUsage.cassandraMillis()) / objects.count()),
          "every object read once (GET, answered by the recovered entity), 64 reads in flight, after the cold replay "
              + "and the one with snapshots "
              + "(a full GC for the heap baseline between the first " + 2 * warm + " and the rest is not counted)"));
      targets.add(Targets.heap(settledHeapPerObject(deployment, baseline, "after bringing every object back"),
          objects.count()));

      // Replays right after the cold one ran at half the speed of later ones, the JIT compilers using
      // as much CPU as the replay itself (figures by thread), and 1-event recoveries do not compile the
      // long-replay path: replaying the warm-up orders does, as a node that has run for a while has.
      replayWarmUpOrders(reads, deployment, warmUpOrders);
      double warmReplay = replay(reads, deployment, warmWithoutSnapshots, events,
          String.format(Locale.ROOT, "without snapshots, after %,d objects were brought back (JIT warm)", objects.count()));
      double again = replay(reads, deployment, warmerWithoutSnapshots, events, "without snapshots, the next one");
      targets.add(Targets.replay(events / warmReplay, events / again, events / cold, events));
    }
    notes.add("Recovery is measured on a freshly restarted node (cold JIT), as after a real restart; the warm "
        + "replays after every object came back.");
    return report("recovery: passivated objects back after a restart, single-object replay with and without snapshots");
  }

  /**
   * A node with objects and no traffic, measured after two minutes (a laptop or a small pod between
   * shifts): what projections' polling, back-tracks, timers and Cassandra's own housekeeping cost.
   */
  private Report idle() throws Exception {
    SpreadObjects objects = new SpreadObjects(options.objects(), run);
    try (Deployment deployment = deploy(Map.of())) {
      seed(deployment, objects.creations(0, objects.half()), "objects");
      double caughtUp = new SyncStatus(deployment.node().httpUri()).awaitCaughtUp(CATCH_UP_TIMEOUT);
      figures.add(new Report.Figure("projections caught up after seeding", caughtUp < 0 ? "not within 5 min"
          : String.format(Locale.ROOT, "after %.1f s", caughtUp), "every projection's backlog 0 in /v1/ops/sync-status"));
      System.out.println("No traffic for " + IDLE_SETTLE.toSeconds() + " s, then measuring for " + IDLE_WINDOW.toSeconds() + " s");
      Thread.sleep(IDLE_SETTLE.toMillis());
      Map<String, Long> threadsBefore = ThreadCpu.snapshot(deployment.node().pid());
      ProcessCpu.Meter cpu = ProcessCpu.start(deployment.node().pid(), deployment.cassandra().pid());
      Thread.sleep(IDLE_WINDOW.toMillis());
      ProcessCpu.Usage usage = cpu.stop();
      double node = 100.0 * usage.nodeMillis() / IDLE_WINDOW.toMillis();
      double cassandra = 100.0 * usage.cassandraMillis() / IDLE_WINDOW.toMillis();
      figures.add(new Report.Figure("node CPU by thread, idle", ThreadCpu.describe(threadsBefore,
          ThreadCpu.snapshot(deployment.node().pid())), "over the " + IDLE_WINDOW.toSeconds() + " s measured"));
      targets.add(Targets.idle(node, cassandra, IDLE_SETTLE, IDLE_WINDOW));
    }
    return report(String.format(Locale.ROOT, "idle: %,d objects, no traffic", objects.half() * 2));
  }

  // ---- steps ----

  /** Warm-up, projections caught up, raw Cassandra, then the rate steps. */
  private void measure(Deployment deployment, Workload workload, double rate, WebhookReceiver receiver) throws Exception {
    URI api = deployment.node().httpUri();
    SyncStatus status = new SyncStatus(api);
    settings.put("target rate (100% step)", rate);
    settings.put("step duration", options.stepDuration().toSeconds() + " s");
    settings.put("warm-up", options.warmup().toSeconds() + " s at 50%, then until the JIT settles (not recorded)");
    try (LoadGenerator generator = new LoadGenerator(api)) {
      if (!options.warmup().isZero()) warmUp(generator, deployment, workload, rate / 2);
      double caughtUp = status.awaitCaughtUp(CATCH_UP_TIMEOUT);
      figures.add(new Report.Figure("projections caught up before the steps", caughtUp < 0 ? "not within 5 min"
          : String.format(Locale.ROOT, "after %.1f s", caughtUp), "every projection's backlog 0 in /v1/ops/sync-status"));
      idleCpu(deployment);
      try (CqlSession session = RawCassandra.session(deployment.cassandra())) {
        raw = RawCassandra.measure(session, deployment.cassandra().pid(), RawCassandra.sample(session),
            options.rawDuration(), options.rawConcurrency());
      }
      for (double fraction : options.steps()) {
        Thread.sleep(PAUSE_BETWEEN_STEPS.toMillis());
        steps.add(step(generator, deployment, workload, rate * fraction,
            String.format(Locale.ROOT, "%.0f%%", fraction * 100), receiver == null ? null : status, receiver));
      }
    }
  }

  /**
   * The warm-up, then more of it until the node's JIT compilers have settled (W1 and W3 once ran
   * their first steps while the JIT still compiled): rounds of {@link #JIT_ROUND} until one spends
   * less than {@link #JIT_SETTLED} of a core in the compilers, at most {@link #JIT_ROUNDS} of them.
   */
  private void warmUp(LoadGenerator generator, Deployment deployment, Workload workload, double rate) throws Exception {
    System.out.println("Warm-up at " + (int) rate + "/s for " + options.warmup().toSeconds() + " s, then until the JIT settles");
    long started = System.nanoTime();
    generator.run("warm-up", workload, rate, options.warmup(), null);
    String settled = "still compiling after " + JIT_ROUNDS + " more rounds";
    for (int round = 1; round <= JIT_ROUNDS; round++) {
      long before = ThreadCpu.snapshot(deployment.node().pid()).getOrDefault("JIT", 0L);
      generator.run("warm-up", workload, rate, JIT_ROUND, null);
      long jitMillis = ThreadCpu.snapshot(deployment.node().pid()).getOrDefault("JIT", 0L) - before;
      System.out.printf(Locale.ROOT, "  JIT compilers: %.0f%% of a core in warm-up round %d%n",
          100.0 * jitMillis / JIT_ROUND.toMillis(), round);
      if (jitMillis < JIT_SETTLED * JIT_ROUND.toMillis()) {
        settled = String.format(Locale.ROOT, "settled in round %d (%.0f%% of a core)", round,
            100.0 * jitMillis / JIT_ROUND.toMillis());
        break;
      }
    }
    figures.add(new Report.Figure("warm-up", String.format(Locale.ROOT, "%.0f s at %,.0f/s; JIT %s",
        (System.nanoTime() - started) / 1e9, rate, settled), "not recorded; rounds of " + JIT_ROUND.toSeconds()
        + " s until the JIT compilers used < " + (int) (JIT_SETTLED * 100) + "% of a core"));
  }

  private Report.Step step(LoadGenerator generator, Deployment deployment, Workload workload, double rate, String label,
      SyncStatus status, WebhookReceiver receiver) throws Exception {
    System.out.printf(Locale.ROOT, "Step %s: %,.0f commands/s for %d s%n", label, rate, options.stepDuration().toSeconds());
    LagSampler sampler = status == null ? null : new LagSampler(status);
    if (receiver != null) receiver.lagsSinceLastCall();
    long start = System.nanoTime();
    ProcessCpu.Meter cpu = ProcessCpu.start(deployment.node().pid(), deployment.cassandra().pid());
    LoadGenerator.StepRun run;
    Long projectionLag = null;
    Long settledLag = null;
    try {
      run = generator.run(label, workload, rate, options.stepDuration(), sampler == null ? null : sampler::latest);
    } finally {
      if (sampler != null) {
        // The sync status reports the last 1,024 events per projection: skip samples of the previous step's events.
        long skip = Math.min(Duration.ofSeconds(10).toNanos(), options.stepDuration().toNanos() / 3);
        projectionLag = sampler.worstSince(start + skip);
        settledLag = sampler.lastSince(start + skip);
        sampler.close();
      }
    }
    ProcessCpu.Usage usage = cpu.stop();
    double wallMillis = (System.nanoTime() - start) / 1e6;
    Histogram webhookLag = receiver == null ? null : receiver.lagsSinceLastCall();

    long ok = run.successes();
    int cores = Runtime.getRuntime().availableProcessors();
    double accounted = (usage.nodeMillis() + usage.cassandraMillis() + usage.benchMillis()) / (cores * wallMillis);
    Histogram l = run.latencyMicros();
    Report.Step step = new Report.Step(label, rate, options.stepDuration().toMillis() / 1000.0, run.sent(), run.achievedRate(),
        new Report.Latency(ms(l.getValueAtPercentile(50)), ms(l.getValueAtPercentile(90)), ms(l.getValueAtPercentile(99)),
            ms(l.getValueAtPercentile(99.9)), ms(l.getMaxValue())),
        run.outcomes(), ms(run.sendLagMicros().getValueAtPercentile(99)), ms(run.sendLagMicros().getMaxValue()),
        run.waitedForInFlight(),
        new Report.Cpu(usage.nodeMillis(), usage.cassandraMillis(), usage.benchMillis(),
            ok == 0 ? 0 : (double) (usage.nodeMillis() + usage.cassandraMillis()) / ok, 100 * usage.machineBusy(),
            Math.max(0, 100 * (usage.machineBusy() - accounted))),
        raw == null ? null : run.achievedRate() / raw.rowsPerSecond(), projectionLag,
        webhookLag == null || webhookLag.getTotalCount() == 0 ? null : (double) webhookLag.getValueAtPercentile(99),
        receiver == null ? null : receiver.received());
    System.out.printf(Locale.ROOT, "Step %s done: %,.0f/s achieved of %,.0f offered, p50 %.1f ms, p99 %.1f ms, max %.1f ms, "
            + "not 200: %s, CPU %.2f ms/command, machine busy %.0f%%%n", label, step.achievedRate(), rate, step.latency().p50(),
        step.latency().p99(), step.latency().max(), ReportWriter.failures(step), step.cpu().perCommandMillis(),
        step.cpu().machineBusyPercent());
    if (settledLag != null) {
      // The worst sample often comes from the step's first seconds (projections speeding up from idle);
      // the last one shows whether they kept up with the rate or fell further behind.
      notes.add(String.format(Locale.ROOT, "Step %s: projection lag p99 %.1f s at the step's end (the worst "
          + "projection's last 1,024 events), worst sample %.1f s.", label, settledLag / 1000.0, projectionLag / 1000.0));
    }
    if (step.sendLagP99Millis() > 5) {
      notes.add(String.format(Locale.ROOT, "Step %s: the generator fell behind schedule (send lag p99 %.1f ms, max %.1f ms); "
          + "%,d sends had to wait because %,d requests were unanswered, %,d were not sent before the step ended. "
          + "Latencies still count from the intended send times.", label, step.sendLagP99Millis(), step.sendLagMaxMillis(),
          step.waitedForInFlight(), LoadGenerator.MAX_IN_FLIGHT, step.outcomes().getOrDefault(LoadGenerator.NOT_SENT, 0L)));
    }
    return step;
  }

  // ---- helpers ----

  /** What node and Cassandra burn with no commands at all (projections polling the tag views, timers). */
  private void idleCpu(Deployment deployment) throws InterruptedException {
    Duration idle = Duration.ofSeconds(10);
    ProcessCpu.Meter cpu = ProcessCpu.start(deployment.node().pid(), deployment.cassandra().pid());
    Thread.sleep(idle.toMillis());
    ProcessCpu.Usage usage = cpu.stop();
    figures.add(new Report.Figure("CPU with no commands (idle)", String.format(Locale.ROOT,
        "node %.0f%% of a core, Cassandra %.0f%% of a core", 100.0 * usage.nodeMillis() / idle.toMillis(),
        100.0 * usage.cassandraMillis() / idle.toMillis()),
        "10 s without load after projections caught up; part of every step's CPU per command"));
  }

  private Deployment deploy(Map<String, String> workloadProperties) throws Exception {
    Map<String, String> nodeProperties = new java.util.TreeMap<>(options.nodeProperties());
    nodeProperties.putAll(workloadProperties);
    Path dir = Path.of(".plantsync", "bench-" + options.workload().toLowerCase(Locale.ROOT));
    settings.put("node", "1 node, bin/plantsync dev's profile (dev.conf), -Xms512m -Xmx" + options.nodeHeap()
        + (nodeProperties.isEmpty() ? "" : ", " + nodeProperties.keySet().stream()
            .filter(k -> !k.endsWith(".secret")).map(k -> k + " = " + nodeProperties.get(k)).sorted().toList()));
    settings.put("Cassandra", "embedded Cassandra 5.0.6, 1 node, -Xmx1g, data in " + dir);
    Deployment deployment = Deployment.start(dir, options.nodeHeap(), nodeProperties);
    // Ctrl-C: stop the node and Cassandra (they would also exit by themselves once this JVM is gone).
    Runtime.getRuntime().addShutdownHook(new Thread(deployment::close, "bench-stop"));
    return deployment;
  }

  private double rate(double defaultRate) {
    return options.rate() != null ? options.rate() : defaultRate;
  }

  private void seed(Deployment deployment, List<Command> creations, String what) throws Exception {
    BatchSender.Result seeded = new BatchSender(deployment.node().httpUri())
        .send(String.format(Locale.ROOT, "creating %,d %s", creations.size(), what), creations, SEED_LINES, SEED_PARALLELISM);
    figures.add(new Report.Figure(String.format(Locale.ROOT, "%,d %s created", creations.size(), what),
        String.format(Locale.ROOT, "%,.0f commands/s (%.1f s) %s", seeded.linesPerSecond(), seeded.seconds(), seeded.outcomes()),
        "POST /v1/commands:batch, " + SEED_LINES + " lines per batch, " + SEED_PARALLELISM + " batches in flight; not part of the steps"));
  }

  /** Heap in use after a full GC and the live objects, once start-up is over. */
  private record HeapBaseline(long usedBytes, long liveObjects) {}

  private HeapBaseline heapBaseline(Deployment deployment) throws Exception {
    return new HeapBaseline(Heap.usedAfterFullGc(deployment.node().pid()),
        Heap.liveObjects(deployment.node().managementUri("/metrics")));
  }

  private double heapPerObject(Deployment deployment, HeapBaseline baseline, String when) throws Exception {
    HeapBaseline now = heapBaseline(deployment);
    long live = now.liveObjects() - baseline.liveObjects();
    double perObject = live <= 0 ? Double.NaN : (double) (now.usedBytes() - baseline.usedBytes()) / live;
    figures.add(new Report.Figure("heap per live object, " + when, String.format(Locale.ROOT,
        "%.2f KB (%,d more live objects than at the baseline; heap after full GC %,d MB, baseline %,d MB)",
        perObject / 1024, live, now.usedBytes() >> 20, baseline.usedBytes() >> 20),
        "difference of heap used after jcmd GC.run (G1) and of plantsync_entities_live, from a baseline taken after "
            + "a few objects were created and projections had caught up"));
    return perObject;
  }

  /**
   * Heap per live object right after the objects were created or brought back, and again once the
   * scheduler's cancelled timers of that work have expired (the steady state, which the target is
   * about). Both are reported; returns the second.
   */
  private double settledHeapPerObject(Deployment deployment, HeapBaseline baseline, String when) throws Exception {
    heapPerObject(deployment, baseline, when);
    System.out.println("Waiting " + TIMERS_EXPIRE.toSeconds() + " s for the scheduler's timers of that work to expire");
    Thread.sleep(TIMERS_EXPIRE.toMillis());
    return heapPerObject(deployment, baseline, when + ", " + TIMERS_EXPIRE.toSeconds()
        + " s later (the scheduler's cancelled timers of the work expired)");
  }

  private void writeOneObject(Deployment deployment, String order, int events, String how) throws Exception {
    List<Command> commands = new ArrayList<>(events);
    commands.add(Envelopes.plan("W5-" + order + "-0", order));
    for (int i = 1; i < events; i++) commands.add(Envelopes.reprioritize("W5-" + order + "-" + i, order, 1 + i % 999));
    ProcessCpu.Meter cpu = ProcessCpu.start(deployment.node().pid(), deployment.cassandra().pid());
    BatchSender.Result written = new BatchSender(deployment.node().httpUri()).send("writing " + order, commands, ONE_OBJECT_LINES, 1);
    ProcessCpu.Usage usage = cpu.stop();
    figures.add(new Report.Figure(String.format(Locale.ROOT, "writing %,d events to one order, %s", events, how),
        String.format(Locale.ROOT, "%,.0f events/s (%.1f s, %s; node CPU %.2f ms + Cassandra %.2f ms per event)",
            written.linesPerSecond(), written.seconds(), written.outcomes(), (double) usage.nodeMillis() / events,
            (double) usage.cassandraMillis() / events),
        "plan + reprioritize commands in batches of " + ONE_OBJECT_LINES + " lines, one batch at a time (lines of one object run in order)"));
  }

  /**
   * Orders of {@link #WARM_UP_EVENTS} events each, {@code totalEvents} in all, written side by side:
   * their lines interleaved, so each batch carries every one of them and they run in parallel.
   */
  private List<String> writeWarmUpOrders(Deployment deployment, int totalEvents) throws Exception {
    int count = Math.max(1, totalEvents / WARM_UP_EVENTS);
    List<String> orders = new ArrayList<>();
    for (int o = 0; o < count; o++) orders.add("REPLAY-WARMUP-" + o);
    List<Command> commands = new ArrayList<>(count * WARM_UP_EVENTS);
    for (String order : orders) commands.add(Envelopes.plan("W5-" + order + "-0", order));
    for (int i = 1; i < WARM_UP_EVENTS; i++) {
      for (String order : orders) commands.add(Envelopes.reprioritize("W5-" + order + "-" + i, order, 1 + i % 999));
    }
    BatchSender.Result written = new BatchSender(deployment.node().httpUri())
        .send("writing " + count + " warm-up orders", commands, ONE_OBJECT_LINES, 1);
    figures.add(new Report.Figure(String.format(Locale.ROOT, "writing %d warm-up orders of %,d events", count, WARM_UP_EVENTS),
        String.format(Locale.ROOT, "%,.0f events/s (%.1f s, %s)", written.linesPerSecond(), written.seconds(), written.outcomes()),
        "their lines interleaved in batches of " + ONE_OBJECT_LINES + ", so the orders run side by side"));
    return orders;
  }

  /** Replays every warm-up order once, one after the other: the JIT compiles the long-replay path. */
  private void replayWarmUpOrders(ObjectReads reads, Deployment deployment, List<String> orders) throws Exception {
    Recoveries warmUp = recover(reads, deployment, orders, Duration.ofMinutes(5));
    figures.add(new Report.Figure(String.format(Locale.ROOT, "JIT warm-up: %d orders of %,d events replayed one after the other", orders.size(), WARM_UP_EVENTS),
        String.format(Locale.ROOT, "%,.0f events/s (%.1f s; node CPU %.1f s: %s)", orders.size() * WARM_UP_EVENTS / warmUp.seconds(),
            warmUp.seconds(), warmUp.usage().nodeMillis() / 1000.0, warmUp.nodeThreads()),
        "not timed as a target: the node compiles its replay path"));
  }

  /** Times the first read of a restarted node's object (its recovery), then a second read. Returns seconds. */
  private double replay(ObjectReads reads, Deployment deployment, String order, int events, String how) throws Exception {
    Recoveries replayed = recover(reads, deployment, List.of(order), Duration.ofMinutes(10));
    double first = replayed.seconds();
    double second = reads.firstAnswerSeconds(Envelopes.orderPath(order), Duration.ofMinutes(1));
    figures.add(new Report.Figure(String.format(Locale.ROOT, "replay of one order with %,d events, %s", events, how),
        String.format(Locale.ROOT, "%,.0f events/s (first read %.2f s, next read %.1f ms; node CPU %.1f s: %s; Cassandra %.1f s)",
            events / first, first, second * 1000, replayed.usage().nodeMillis() / 1000.0, replayed.nodeThreads(),
            replayed.usage().cassandraMillis() / 1000.0),
        "first GET after a restart: the entity recovers before it answers (503s retried every 100 ms)"));
    return first;
  }

  /** Seconds the recoveries took, the node's and Cassandra's CPU meanwhile, and the node's by thread. */
  private record Recoveries(double seconds, ProcessCpu.Usage usage, String nodeThreads) {}

  /** Reads each passivated order once, one after the other: each read waits for the order's recovery. */
  private static Recoveries recover(ObjectReads reads, Deployment deployment, List<String> orders, Duration timeout)
      throws Exception {
    long pid = deployment.node().pid();
    ProcessCpu.Meter cpu = ProcessCpu.start(pid, deployment.cassandra().pid());
    Map<String, Long> threadsBefore = ThreadCpu.snapshot(pid);
    double seconds = 0;
    for (String order : orders) seconds += reads.firstAnswerSeconds(Envelopes.orderPath(order), timeout);
    ProcessCpu.Usage usage = cpu.stop();
    return new Recoveries(seconds, usage, ThreadCpu.describe(threadsBefore, ThreadCpu.snapshot(pid)));
  }

  private Report report(String title) throws Exception {
    settings.put("load generator", "JDK HttpClient, HTTP/1.1 keep-alive, open model, request timeout "
        + LoadGenerator.REQUEST_TIMEOUT.toSeconds() + " s, at most " + LoadGenerator.MAX_IN_FLIGHT + " in flight");
    return new Report(options.workload(), title, LocalDate.now(ZoneOffset.UTC).toString(), started.toString(), command,
        machine(), settings, raw, List.copyOf(steps), List.copyOf(figures), List.copyOf(targets), List.copyOf(notes));
  }

  private static Report.Machine machine() {
    String cpu = "unknown CPU";
    String memory = "unknown";
    try {
      cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
      memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
          .map(l -> String.format(Locale.ROOT, "%.0f GB", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
          .findFirst().orElse(memory);
    } catch (Exception notLinux) {
      // reported as unknown
    }
    return new Report.Machine(Runtime.getRuntime().availableProcessors(), cpu, memory,
        System.getProperty("os.name") + " " + System.getProperty("os.version"), System.getProperty("java.version"));
  }

  private void printSummary(Report report, List<Path> files) {
    System.out.println();
    System.out.println(report.workload() + ": " + report.title());
    if (!report.steps().isEmpty()) System.out.print(ReportWriter.stepsTable(report));
    if (raw != null) System.out.printf(Locale.ROOT, "Raw Cassandra: %,.0f rows/s%n", raw.rowsPerSecond());
    for (Report.Figure f : report.figures()) System.out.println(f.name() + ": " + f.value());
    for (Report.TargetCheck t : report.targets()) {
      System.out.println((t.pass() ? "pass  " : "MISS  ") + t.target() + ": " + t.measured());
    }
    for (Path file : files) System.out.println("Wrote " + file);
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }
}
