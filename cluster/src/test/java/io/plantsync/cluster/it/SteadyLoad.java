package io.plantsync.cluster.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * An adapter under steady load, as src/docs/contract.md asks adapters to behave: every command
 * (a goods receipt of 1 KG to one of {@code lots} lots) is sent at a fixed rate, spread over the
 * nodes like a load balancer would, and re-sent with the same messageId — to the next node — after
 * a 503 (once its Retry-After has passed), a timeout or a refused connection (with backoff), until
 * it is acknowledged. Like an adapter's connection pool it keeps at most {@link #MAX_IN_FLIGHT}
 * requests open; the rest wait their turn in order. Keeps the client's log of acknowledged
 * commands, to be checked against entity states and the journal afterwards.
 */
final class SteadyLoad implements AutoCloseable {

  /** One command as the adapter tracked it. Times are nanos since the load started. */
  record Sent(String messageId, int lot, long firstSentNanos, long ackedNanos, int attempts, boolean duplicate) {}

  static final String TOKEN = "dev-wms-token";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(8);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
  /**
   * Requests open at once, over all nodes. Unbounded, the backlog of an outage (thousands of
   * commands) became thousands of connections past the node's max-connections, timing out in its
   * accept queue and opened again: the adapter's own storm, not the product, set the recovery time.
   * 256 keeps up with 40 commands/s even while a frozen node holds its share for the 8 s timeout.
   */
  static final int MAX_IN_FLIGHT = 256;

  final String plant = "1000";
  final String material;
  final int lots;
  private final Supplier<List<URI>> nodes;
  private final long started = System.nanoTime();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
  private final AtomicInteger sequence = new AtomicInteger();
  private final Map<String, Sent> acknowledged = new ConcurrentHashMap<>();
  private final Map<String, Integer> pending = new ConcurrentHashMap<>();
  /** Attempts waiting for a free slot, oldest first. */
  private final java.util.Queue<Runnable> waiting = new java.util.concurrent.ConcurrentLinkedQueue<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  /** Failed attempts by kind ("503 unavailable", "timeout", "connection refused"...). */
  private final Map<String, AtomicLong> failures = new ConcurrentSkipListMap<>();
  private ScheduledFuture<?> ticking;

  SteadyLoad(String run, int lots, Supplier<List<URI>> nodes) {
    this.material = "FT-" + run;
    this.lots = lots;
    this.nodes = nodes;
  }

  SteadyLoad start(int commandsPerSecond) {
    ticking = scheduler.scheduleAtFixedRate(this::sendNext, 0, 1_000_000 / commandsPerSecond, TimeUnit.MICROSECONDS);
    scheduler.scheduleAtFixedRate(this::printProgress, 10, 10, TimeUnit.SECONDS);
    return this;
  }

  private long ackedAtLastProgress;

  /** Every 10 s, so that a failed run shows whether commands were answered slowly or not at all. */
  private void printProgress() {
    long acked = acknowledged.size();
    System.out.printf("SteadyLoad %s t=%.0f s: %d acknowledged in the last 10 s, %d pending (%d in flight, %d "
        + "waiting for a slot), failed attempts %s%n", material, now() / 1e9, acked - ackedAtLastProgress,
        pending.size(), inFlight.get(), waiting.size(), failures());
    ackedAtLastProgress = acked;
  }

  static String batch(int lot) {
    return "B" + lot;
  }

  String persistenceId(int lot) {
    return "InventoryLot|" + plant + "/" + material + "/" + batch(lot);
  }

  String lotPath(int lot) {
    return "/v1/inventory-lots/" + plant + "/" + material + "/" + batch(lot);
  }

  private void sendNext() {
    int seq = sequence.getAndIncrement();
    String messageId = material + "-" + seq;
    pending.put(messageId, seq % lots);
    long firstSent = System.nanoTime() - started;
    whenSlotFree(() -> attempt(messageId, seq % lots, seq, 1, firstSent));
  }

  /** Runs the attempt now if fewer than MAX_IN_FLIGHT are open, else when one finishes. */
  private void whenSlotFree(Runnable attempt) {
    waiting.add(attempt);
    startWaiting();
  }

  private void startWaiting() {
    while (true) {
      int open = inFlight.get();
      if (open >= MAX_IN_FLIGHT || waiting.isEmpty()) return;
      if (!inFlight.compareAndSet(open, open + 1)) continue;
      Runnable next = waiting.poll();
      if (next == null) {
        inFlight.decrementAndGet();
        return;
      }
      try {
        next.run();
      } catch (RuntimeException bug) {
        inFlight.decrementAndGet(); // the command stays pending: the drain fails and names it
        recordFailure("not sent: " + bug);
      }
    }
  }

  /** The attempt holds a slot from here until its answer or failure. */
  private void attempt(String messageId, int lot, int seq, int attempt, long firstSent) {
    List<URI> targets = nodes.get();
    URI node = targets.get((seq + attempt - 1) % targets.size());
    String body = Envelopes.command(messageId, "inventory-lot.receive", Envelopes.lot(plant, material, batch(lot)),
        "{\"movementId\": \"" + messageId + "\", \"quantity\": 1, \"uom\": \"KG\", \"storageLocation\": \"L1\"}");
    HttpRequest request = HttpRequest.newBuilder(node.resolve("/v1/commands")).timeout(REQUEST_TIMEOUT)
        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
      inFlight.decrementAndGet();
      scheduler.execute(this::startWaiting);
      if (error == null && response.statusCode() == 200) {
        boolean duplicate = json(response.body()).path("duplicate").asBoolean();
        acknowledged.put(messageId, new Sent(messageId, lot, firstSent, System.nanoTime() - started, attempt, duplicate));
        pending.remove(messageId);
        return;
      }
      recordFailure(error != null ? describe(error) : failure(response));
      scheduler.schedule(() -> whenSlotFree(() -> attempt(messageId, lot, seq, attempt + 1, firstSent)),
          retryDelayMillis(response, attempt), TimeUnit.MILLISECONDS);
    });
  }

  /**
   * As src/docs/contract.md asks of adapters: after a 503 wait Retry-After, after a timeout or a
   * refused connection back off exponentially (with jitter), so retries never become a storm.
   */
  private static long retryDelayMillis(HttpResponse<String> response, int attempt) {
    if (response != null && response.statusCode() == 503) {
      var retryAfter = response.headers().firstValue("Retry-After");
      if (retryAfter.isPresent()) return Long.parseLong(retryAfter.get().trim()) * 1000;
    }
    long backoff = Math.min(MAX_BACKOFF.toMillis(), FIRST_BACKOFF.toMillis() << Math.min(attempt - 1, 4));
    return backoff / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(backoff / 2 + 1);
  }

  /** Failures src/docs/contract.md tells adapters to retry with the same messageId. */
  static boolean retriable(String failure) {
    return failure.equals("503 unavailable") || failure.equals("timeout") || failure.equals("connection refused")
        || failure.equals("IOException");
  }

  /** A refusal as the adapter sees it; a 503 without Retry-After is a contract breach of its own. */
  private static String failure(HttpResponse<String> response) {
    String kind = response.statusCode() + " " + code(response.body());
    if (response.statusCode() == 503 && response.headers().firstValue("Retry-After").isEmpty()) {
      return kind + " without Retry-After";
    }
    return kind;
  }

  private static String code(String body) {
    return json(body).path("code").asText("(not problem+json)");
  }

  private static com.fasterxml.jackson.databind.JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (Exception notJson) {
      return JSON.missingNode();
    }
  }

  private static String describe(Throwable error) {
    Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
        ? error.getCause() : error;
    if (cause instanceof java.net.http.HttpTimeoutException) return "timeout";
    if (cause instanceof java.net.ConnectException) return "connection refused";
    return cause.getClass().getSimpleName();
  }

  private void recordFailure(String kind) {
    failures.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
  }

  /** Nanos since the load started, on the same clock as {@link Sent}. */
  long now() {
    return System.nanoTime() - started;
  }

  /** Stops sending new commands; commands not yet acknowledged keep being retried. */
  void stopSending() {
    if (ticking != null) ticking.cancel(false);
  }

  /** Waits until every command sent has been acknowledged; false if some are still pending. */
  boolean awaitAllAcknowledged(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!pending.isEmpty() && System.nanoTime() < deadline) Thread.sleep(100);
    return pending.isEmpty();
  }

  /**
   * Waits until every lot has acknowledged a command first sent after {@code sinceNanos}: the whole
   * key space is served again. Returns when that happened (nanos on this load's clock).
   */
  long awaitEveryLotServedSince(long sinceNanos, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Map<Integer, Long> firstServed = new java.util.HashMap<>();
      for (Sent sent : acknowledged.values()) {
        if (sent.firstSentNanos() >= sinceNanos) firstServed.merge(sent.lot(), sent.ackedNanos(), Math::min);
      }
      if (firstServed.size() == lots) return java.util.Collections.max(firstServed.values());
      Thread.sleep(100);
    }
    long served = acknowledged.values().stream().filter(s -> s.firstSentNanos() >= sinceNanos).map(Sent::lot)
        .distinct().count();
    throw new IllegalStateException("not every lot served again within " + timeout + ": " + served + " of " + lots
        + " lots served, " + pending.size() + " commands pending");
  }

  /** Acknowledgements that arrived in [fromNanos, toNanos). */
  List<Sent> acknowledgedBetween(long fromNanos, long toNanos) {
    return acknowledged.values().stream().filter(s -> s.ackedNanos() >= fromNanos && s.ackedNanos() < toNanos).toList();
  }


  List<Sent> acknowledged() {
    return new ArrayList<>(acknowledged.values());
  }

  List<Sent> acknowledgedFor(int lot) {
    return acknowledged.values().stream().filter(s -> s.lot() == lot).toList();
  }

  Map<String, Integer> pending() {
    return Map.copyOf(pending);
  }

  Map<String, Long> failures() {
    Map<String, Long> copy = new java.util.TreeMap<>();
    failures.forEach((kind, count) -> copy.put(kind, count.get()));
    return copy;
  }



  /** The longest any command waited from its first send to its acknowledgement, retries included. */
  double longestWaitSeconds() {
    return acknowledged.values().stream().mapToLong(s -> s.ackedNanos() - s.firstSentNanos()).max().orElse(0) / 1e9;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
