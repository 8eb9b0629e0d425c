package io.plantsync.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;

/** W5's reads: {@code GET} of an object's authoritative state, answered by the (recovering) entity. */
final class ObjectReads {

  record Touched(double seconds, Map<String, Long> outcomes) {}

  private final URI api;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  ObjectReads(URI api) {
    this.api = api;
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + Envelopes.ERP).build();
  }

  /** Seconds until {@code path} answers 200; 503s and timeouts (the entity still recovering) are retried. */
  double firstAnswerSeconds(String path, Duration timeout) throws Exception {
    long start = System.nanoTime();
    while (System.nanoTime() - start < timeout.toNanos()) {
      try {
        HttpResponse<String> response = client.send(get(path), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) return (System.nanoTime() - start) / 1e9;
        if (response.statusCode() != 503) {
          throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
      } catch (HttpTimeoutException stillRecovering) {
        // ask again
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("GET " + path + " did not answer 200 within " + timeout);
  }

  /** Reads every path once, {@code concurrency} at a time; outcomes by status. */
  Touched touchAll(List<String> paths, int concurrency) throws InterruptedException {
    Semaphore permits = new Semaphore(concurrency);
    Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    long start = System.nanoTime();
    for (String path : paths) {
      permits.acquire();
      client.sendAsync(get(path), HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
        String outcome = failure != null ? "error " + failure.getClass().getSimpleName() : String.valueOf(response.statusCode());
        outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
        permits.release();
      });
    }
    permits.acquire(concurrency);
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, Long> counts = new TreeMap<>();
    outcomes.forEach((k, v) -> counts.put(k, v.sum()));
    return new Touched(seconds, counts);
  }
}
