package io.plantsync.bench;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The targets (2 cores, Cassandra on the same box), checked against a run. Reported, never
 * asserted. A step is <em>sustained</em> when it delivered at least 95% of the offered rate, at most
 * 0.1% of the commands failed (anything but 200) and, where the target has one, p99 was within the
 * latency limit.
 */
final class Targets {
  private Targets() {}

  static final double W1_RATE = 1000;
  static final double W2_RATE = 2000;
  static final double W2_P99_MILLIS = 50;
  static final double CPU_MILLIS_PER_COMMAND = 1.0;
  static final double W3_RATE = 300;
  static final double W4_RATE = 1000;
  static final double W4_LAG_MILLIS = 3000;
  static final double IDLE_PERCENT = 10;
  static final double HEAP_BYTES_PER_OBJECT = 5 * 1024;
  static final double W5_REPLAY_EVENTS_PER_SECOND = 30_000;

  static boolean sustained(Report.Step step, Double p99LimitMillis) {
    return step.achievedRate() >= 0.95 * step.offeredRate()
        && step.failures() <= 0.001 * step.sent()
        && (p99LimitMillis == null || step.latency().p99() <= p99LimitMillis);
  }

  /** The sustained step with the highest achieved rate. */
  static Optional<Report.Step> bestSustained(List<Report.Step> steps, Double p99LimitMillis) {
    return steps.stream().filter(s -> sustained(s, p99LimitMillis)).max(Comparator.comparingDouble(Report.Step::achievedRate));
  }

  /** The highest sustained rate, or "none" naming why the lowest step missed. */
  static Report.TargetCheck rate(String target, List<Report.Step> steps, double rate, Double p99LimitMillis) {
    Optional<Report.Step> best = bestSustained(steps, p99LimitMillis);
    if (best.isEmpty()) return new Report.TargetCheck(target, "no step sustained", false);
    Report.Step s = best.get();
    return new Report.TargetCheck(target, String.format(Locale.ROOT, "%,.0f commands/s sustained (p99 %.1f ms, offered %,.0f/s)",
        s.achievedRate(), s.latency().p99(), s.offeredRate()), s.achievedRate() >= rate);
  }

  /**
   * CPU per command at saturation: the step with the most commands answered 200 per second. Below
   * it, fixed costs (idle projections, Cassandra's housekeeping) are divided by a lower rate; the
   * best sustained step's figure is given beside it.
   */
  static Report.TargetCheck cpu(List<Report.Step> steps, Double p99LimitMillis) {
    Optional<Report.Step> step = steps.stream().max(Comparator.comparingDouble(Report.Step::achievedRate));
    if (step.isEmpty()) return new Report.TargetCheck("<= 1 ms CPU per command", "no step", false);
    Report.Step s = step.get();
    String sustained = bestSustained(steps, p99LimitMillis).filter(b -> b != s)
        .map(b -> String.format(Locale.ROOT, "; %.2f ms at the best sustained step (%,.0f/s)", b.cpu().perCommandMillis(),
            b.achievedRate())).orElse("");
    return new Report.TargetCheck("<= 1 ms CPU per command (node + Cassandra) at saturation", String.format(Locale.ROOT,
        "%.2f ms at %,.0f commands/s (node %.2f + Cassandra %.2f)%s", s.cpu().perCommandMillis(), s.achievedRate(),
        perCommand(s.cpu().nodeMillis(), s), perCommand(s.cpu().cassandraMillis(), s), sustained),
        s.cpu().perCommandMillis() <= CPU_MILLIS_PER_COMMAND);
  }

  private static double perCommand(long millis, Report.Step s) {
    long ok = Outcomes.successes(s.outcomes());
    return ok == 0 ? 0 : (double) millis / ok;
  }

  static Report.TargetCheck idle(double nodePercent, double cassandraPercent, Duration after, Duration window) {
    return new Report.TargetCheck("idle: node + Cassandra <= 10% of one core", String.format(Locale.ROOT,
        "%.1f%% (node %.1f%% + Cassandra %.1f%%), %d s after the last command, over %d s", nodePercent + cassandraPercent,
        nodePercent, cassandraPercent, after.toSeconds(), window.toSeconds()), nodePercent + cassandraPercent <= IDLE_PERCENT);
  }

  static Report.TargetCheck heap(double bytesPerObject, long objects) {
    return new Report.TargetCheck("<= 5 KB heap per live object", String.format(Locale.ROOT,
        "%.2f KB per object (%,d live objects)", bytesPerObject / 1024, objects), bytesPerObject <= HEAP_BYTES_PER_OBJECT);
  }

  /** W4: projection lag p99 at the step offered the target rate (1,000/s). */
  static Report.TargetCheck projectionLag(List<Report.Step> steps) {
    Optional<Report.Step> atTarget = steps.stream().filter(s -> Math.abs(s.offeredRate() - W4_RATE) < 1).findFirst();
    if (atTarget.isEmpty()) {
      return new Report.TargetCheck("projection lag p99 <= 3 s at 1,000 commands/s", "no step offered 1,000/s", false);
    }
    if (atTarget.get().projectionLagP99Millis() == null) {
      Double webhook = atTarget.get().webhookLagP99Millis();
      return new Report.TargetCheck("projection lag p99 <= 3 s at 1,000 commands/s", String.format(Locale.ROOT,
          "not sampled: /v1/ops/sync-status did not answer during the 1,000/s step%s",
          webhook == null ? "" : String.format(Locale.ROOT, "; webhook lag p99 there %.2f s", webhook / 1000)), false);
    }
    Report.Step s = atTarget.get();
    return new Report.TargetCheck("projection lag p99 <= 3 s at 1,000 commands/s", String.format(Locale.ROOT,
        "%.2f s (worst projection, sampled every 5 s; achieved %,.0f commands/s)", s.projectionLagP99Millis() / 1000.0,
        s.achievedRate()), s.projectionLagP99Millis() <= W4_LAG_MILLIS && Targets.sustained(s, null));
  }

  /**
   * Judged on the first warm replay (after every object came back): a node replays cold, with its
   * JIT still compiling, only in its first minutes. The next replay shows the spread.
   */
  static Report.TargetCheck replay(double warmEventsPerSecond, double nextEventsPerSecond,
      double coldEventsPerSecond, long events) {
    return new Report.TargetCheck(">= 30,000 events/s single-object replay", String.format(Locale.ROOT,
        "%,.0f events/s warm (%,d events, no snapshot); %,.0f events/s the next one; "
            + "%,.0f events/s cold, first after a restart",
        warmEventsPerSecond, events, nextEventsPerSecond, coldEventsPerSecond),
        warmEventsPerSecond >= W5_REPLAY_EVENTS_PER_SECOND);
  }
}
