package io.plantsync.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Creates a workload's objects fast and unmeasured: {@code POST /v1/commands:batch} (NDJSON), a few
 * batches at a time. Lines answered 503 are sent again with the same messageIds, as the contract
 * says; any other refusal is counted and reported. Batches stay well below the 1,000-line limit: a
 * batch the server has not finished within its 20 s request timeout goes on running there, and
 * sending it again would only pile up work on the same objects.
 */
final class BatchSender {

  private static final int ATTEMPTS = 10;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI batch;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  BatchSender(URI api) {
    this.batch = api.resolve("/v1/commands:batch");
  }

  /** Outcome counts per line (as {@link Outcomes} names them, or the problem's status and code). */
  record Result(long lines, double seconds, Map<String, Long> outcomes) {
    double linesPerSecond() {
      return lines / seconds;
    }
  }

  Result send(String what, List<Command> commands, int linesPerBatch, int parallel) throws Exception {
    List<List<Command>> chunks = chunks(commands, linesPerBatch);
    Map<String, Long> outcomes = new TreeMap<>();
    AtomicLong done = new AtomicLong();
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    try {
      List<Future<Map<String, Long>>> futures = new ArrayList<>();
      for (List<Command> chunk : chunks) futures.add(pool.submit(() -> sendChunk(chunk, done)));
      long nextReport = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      for (Future<Map<String, Long>> future : futures) {
        while (!future.isDone()) {
          Thread.sleep(100);
          if (System.nanoTime() > nextReport) {
            System.out.printf(Locale.ROOT, "  %s: %,d of %,d lines (%.0f/s)%n", what, done.get(), commands.size(),
                done.get() / ((System.nanoTime() - start) / 1e9));
            nextReport += Duration.ofSeconds(10).toNanos();
          }
        }
        future.get().forEach((k, v) -> outcomes.merge(k, v, Long::sum));
      }
    } finally {
      pool.shutdownNow();
    }
    Result result = new Result(commands.size(), (System.nanoTime() - start) / 1e9, outcomes);
    System.out.printf(Locale.ROOT, "  %s: %,d lines in %.1f s (%.0f/s) %s%n", what, result.lines(), result.seconds(),
        result.linesPerSecond(), outcomes);
    return result;
  }

  /** Consecutive commands of one token, at most {@code lines} per batch. */
  private static List<List<Command>> chunks(List<Command> commands, int lines) {
    List<List<Command>> chunks = new ArrayList<>();
    List<Command> current = new ArrayList<>();
    for (Command command : commands) {
      if (current.size() == lines || (!current.isEmpty() && !current.get(0).token().equals(command.token()))) {
        chunks.add(current);
        current = new ArrayList<>();
      }
      current.add(command);
    }
    if (!current.isEmpty()) chunks.add(current);
    return chunks;
  }

  private Map<String, Long> sendChunk(List<Command> chunk, AtomicLong done) throws IOException, InterruptedException {
    Map<String, Long> outcomes = new TreeMap<>();
    List<Command> pending = chunk;
    for (int attempt = 1; !pending.isEmpty(); attempt++) {
      StringBuilder body = new StringBuilder();
      for (Command command : pending) body.append(command.json()).append('\n');
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(batch).timeout(Duration.ofSeconds(60))
          .header("Authorization", "Bearer " + pending.get(0).token())
          .header("Content-Type", "application/x-ndjson")
          .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
      List<Command> retry = new ArrayList<>();
      if (response.statusCode() != 200) {
        retry = pending;
      } else {
        for (String line : response.body().split("\n")) {
          if (line.isBlank()) continue;
          JsonNode answer = JSON.readTree(line);
          int index = answer.path("line").asInt() - 1;
          if (answer.has("outcome")) {
            String outcome = answer.path("duplicate").asBoolean() ? Outcomes.DUPLICATE : "200 " + answer.path("outcome").asText();
            outcomes.merge(outcome, 1L, Long::sum);
          } else if (answer.path("status").asInt() == 503) {
            retry.add(pending.get(index));
          } else {
            outcomes.merge(answer.path("status").asText() + " " + answer.path("code").asText(), 1L, Long::sum);
          }
        }
      }
      done.addAndGet(pending.size() - retry.size());
      if (!retry.isEmpty() && attempt == ATTEMPTS) {
        outcomes.merge("503 after " + ATTEMPTS + " attempts", (long) retry.size(), Long::sum);
        done.addAndGet(retry.size());
        break;
      }
      if (!retry.isEmpty()) Thread.sleep(response.statusCode() == 200 ? 1000 : 10_000);
      pending = retry;
    }
    return outcomes;
  }
}
