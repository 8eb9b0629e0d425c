package io.plantsync.bench;

import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts answers by kind: {@code 200 applied}, {@code 200 duplicate}, {@code 200 stale}, other statuses, timeouts. */
public final class Outcomes {

  public static final String APPLIED = "200 applied";
  public static final String DUPLICATE = "200 duplicate";
  public static final String STALE = "200 stale";
  public static final String TIMEOUT = "timeout";

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  public void count(HttpResponse<String> response, Throwable failure) {
    counts.computeIfAbsent(classify(response, failure), k -> new LongAdder()).increment();
  }

  static String classify(HttpResponse<String> response, Throwable failure) {
    if (failure != null) {
      Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
      return cause instanceof HttpTimeoutException ? TIMEOUT : "error " + cause.getClass().getSimpleName();
    }
    if (response.statusCode() != 200) return String.valueOf(response.statusCode());
    String body = response.body();
    if (body.contains("\"duplicate\":true")) return DUPLICATE;
    if (body.contains("\"outcome\":\"stale\"")) return STALE;
    return APPLIED;
  }

  void add(String outcome, long count) {
    if (count > 0) counts.computeIfAbsent(outcome, k -> new LongAdder()).add(count);
  }

  public Map<String, Long> snapshot() {
    Map<String, Long> copy = new TreeMap<>();
    counts.forEach((k, v) -> copy.put(k, v.sum()));
    return copy;
  }

  /** Answers with status 200, whatever their outcome. */
  public static long successes(Map<String, Long> outcomes) {
    return outcomes.entrySet().stream().filter(e -> e.getKey().startsWith("200")).mapToLong(Map.Entry::getValue).sum();
  }

  public static long total(Map<String, Long> outcomes) {
    return outcomes.values().stream().mapToLong(Long::longValue).sum();
  }
}
