package io.plantsync.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * The node's own view of its projections ({@code GET /v1/ops/sync-status}, operator token): each
 * projection's lag p99 over its last 1,024 events (from the event's write to the end of its
 * handling, so it includes the journal's 2 s eventual-consistency delay) and the cluster-wide backlog.
 */
final class SyncStatus {

  /** The worst projection's lag p99, the summed backlog (-1 if unknown) and the webhook subscribers' worst lag p99. */
  record Sample(Long worstLagP99Millis, String worstProjection, long backlog, Long subscriberLagP99Millis, long delivered) {
    String describe() {
      return String.format(Locale.ROOT, "projection lag p99 %s (%s), backlog %s%s",
          worstLagP99Millis == null ? "-" : worstLagP99Millis + " ms", worstProjection,
          backlog < 0 ? "unknown" : String.format(Locale.ROOT, "%,d", backlog),
          subscriberLagP99Millis == null ? "" : ", webhook lag p99 " + subscriberLagP99Millis + " ms (node)");
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final URI uri;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  SyncStatus(URI api) {
    this.uri = api.resolve("/v1/ops/sync-status");
  }

  Sample sample() throws Exception {
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
        .header("Authorization", "Bearer " + Envelopes.OPERATOR).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) throw new IllegalStateException("sync-status answered " + response.statusCode());
    return parse(JSON.readTree(response.body()));
  }

  static Sample parse(JsonNode status) {
    Long worst = null;
    String worstName = "-";
    long backlog = 0;
    for (JsonNode projection : status.path("projections")) {
      JsonNode lag = projection.get("lagP99Millis");
      if (lag != null && !lag.isNull() && (worst == null || lag.asLong() > worst)) {
        worst = lag.asLong();
        worstName = projection.path("projection").asText();
      }
      JsonNode b = projection.get("backlog");
      if (b == null || b.isNull() || backlog < 0) backlog = -1;
      else backlog += b.asLong();
    }
    Long subscriberLag = null;
    long delivered = 0;
    for (JsonNode subscriber : status.path("subscribers")) {
      JsonNode lag = subscriber.get("lagP99Millis");
      if (lag != null && !lag.isNull()) subscriberLag = Math.max(subscriberLag == null ? 0 : subscriberLag, lag.asLong());
      delivered += subscriber.path("delivered").asLong();
    }
    return new Sample(worst, worstName, backlog, subscriberLag, delivered);
  }

  /** Waits until every projection's backlog is 0 (at most {@code timeout}); the seconds it took, or -1. */
  double awaitCaughtUp(Duration timeout) throws InterruptedException {
    long start = System.nanoTime();
    long nextReport = start;
    while (System.nanoTime() - start < timeout.toNanos()) {
      try {
        Sample sample = sample();
        if (sample.backlog() == 0) return (System.nanoTime() - start) / 1e9;
        if (System.nanoTime() >= nextReport) {
          System.out.println("  waiting for projections to catch up: " + sample.describe());
          nextReport += Duration.ofSeconds(10).toNanos();
        }
      } catch (Exception notYet) {
        // sync-status may time out while Cassandra is busy: ask again
      }
      Thread.sleep(1000);
    }
    return -1;
  }
}
