package io.plantsync.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.plantsync.http.CommandExecutor.Answer;
import io.plantsync.http.auth.Adapter;
import io.plantsync.http.problem.Problem;
import java.time.Duration;

/**
 * Every command an adapter sends, counted by type, outcome, error code and adapter kind, and the time
 * from intake to answer. Labels take values from fixed sets only (the command catalog, the outcomes
 * below, the product's error codes, the adapter kinds): never an object key, a messageId or an
 * adapter id. Outcomes: {@code applied}, {@code stale}, {@code duplicate}, {@code rejected} (a 4xx
 * from the rules), {@code unavailable} (503, outcome unknown), {@code invalid} (the envelope or
 * line never parsed: its type is {@code unknown}).
 */
final class CommandMetrics {

  static final String UNKNOWN_TYPE = "unknown";
  private static final String NO_ERROR = "none";

  /** Buckets from a fast duplicate answer to the ask timeout and beyond. */
  private static final Duration[] BUCKETS = {
      Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
      Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
      Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

  private final MeterRegistry registry;

  CommandMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** A command that reached its entity (or was refused for its plant) and got {@code answer}. */
  void answered(Adapter adapter, String commandType, Answer answer, long startedNanos) {
    String outcome = outcomeOf(answer);
    count(adapter, commandType, outcome, errorCodeOf(answer));
    Timer.builder("plantsync.command.duration")
        .description("Time from a valid command's intake to its answer, by command type and outcome")
        .tags("command_type", commandType, "outcome", outcome)
        .serviceLevelObjectives(BUCKETS)
        .register(registry)
        .record(Duration.ofNanos(System.nanoTime() - startedNanos));
  }

  /** A line of a batch that was not attempted because an earlier line for its object got no answer. */
  void notAttempted(Adapter adapter, String commandType) {
    count(adapter, commandType, "unavailable", "unavailable");
  }

  /** An envelope or batch line that never became a command. */
  void invalid(Adapter adapter, Problem problem) {
    count(adapter, UNKNOWN_TYPE, "invalid", problem.code());
  }

  private void count(Adapter adapter, String commandType, String outcome, String errorCode) {
    Counter.builder("plantsync.commands")
        .description("Commands received from adapters, by type, outcome, error code and adapter kind")
        .tags(Tags.of("command_type", commandType, "outcome", outcome, "error_code", errorCode,
            "adapter_kind", adapter.kind().name()))
        .register(registry)
        .increment();
  }

  private static String outcomeOf(Answer answer) {
    if (answer.body() instanceof CommandResult result) return result.duplicate() ? "duplicate" : result.outcome();
    return answer.unavailable() ? "unavailable" : "rejected";
  }

  private static String errorCodeOf(Answer answer) {
    return answer.body() instanceof Problem problem ? problem.code() : NO_ERROR;
  }
}
