package io.plantsync.bench;

import java.util.List;
import java.util.Map;

/**
 * One benchmark run as written to {@code bench/results/<date>-<workload>.json} (and rendered as
 * Markdown and HTML). Times in milliseconds, rates per second.
 */
public record Report(
    String workload, String title, String date, String startedAt, String command, Machine machine,
    Map<String, Object> settings, RawCassandra.Result raw, List<Step> steps, List<Figure> figures,
    List<TargetCheck> targets, List<String> notes) {

  public record Machine(int cores, String cpu, String memory, String os, String java) {}

  /** One rate step: what was offered, what came back, what it cost. */
  public record Step(
      String label, double offeredRate, double seconds, long sent, double achievedRate, Latency latency,
      Map<String, Long> outcomes, double sendLagP99Millis, double sendLagMaxMillis, long waitedForInFlight,
      Cpu cpu, Double ratioToRaw, Long projectionLagP99Millis, Double webhookLagP99Millis, Long webhookReceived) {

    long answers() {
      return Outcomes.total(outcomes);
    }

    long failures() {
      return sent - Outcomes.successes(outcomes);
    }
  }

  /** Latency percentiles from the intended send time (coordinated-omission-free), every answer included. */
  public record Latency(double p50, double p90, double p99, double p999, double max) {}

  /**
   * CPU over the step: node and Cassandra processes, their sum per 200 answer, the generator's own,
   * how busy the whole machine was and how much of it went to processes other than these three.
   */
  public record Cpu(long nodeMillis, long cassandraMillis, long benchMillis, double perCommandMillis,
      double machineBusyPercent, double otherProcessesPercent) {}

  /** A figure outside the rate steps (heap per object, catch-up time, recovery rates). */
  public record Figure(String name, String value, String how) {}

  public record TargetCheck(String target, String measured, boolean pass) {}
}
