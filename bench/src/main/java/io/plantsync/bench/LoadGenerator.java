package io.plantsync.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Open-model load over real HTTP/1.1 with keep-alive (the JDK client's connection pool): requests
 * leave at a constant rate from one sending thread, whether or not earlier ones have been answered,
 * and each latency is measured from the request's intended send time ({@link ArrivalSchedule}).
 * The generator reports how late it sent (send lag): if that grows, the generator, not PlantSync,
 * was the limit, and the report says so. With {@link #MAX_IN_FLIGHT} requests unanswered it waits;
 * requests still unsent when the step is over are not sent at all and counted as {@link #NOT_SENT},
 * so an overloaded step ends on time.
 */
public final class LoadGenerator implements AutoCloseable {

  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  /** Beyond this many unanswered requests the sender waits (and falls behind schedule, which is reported). */
  static final int MAX_IN_FLIGHT = 1000;
  private static final long HIGHEST_MICROS = TimeUnit.SECONDS.toMicros(120);
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
  static final String NOT_SENT = "not sent (" + MAX_IN_FLIGHT + " in flight until the step ended)";

  /** What one rate step measured: {@code sent} counts every scheduled request. Latencies and send lags in microseconds. */
  public record StepRun(String label, double offeredRate, Duration duration, long sent, long elapsedNanos,
      Histogram latencyMicros, Histogram sendLagMicros, Map<String, Long> outcomes, long waitedForInFlight) {

    public long successes() {
      return Outcomes.successes(outcomes);
    }

    /** Answers with 200 per second, over the step or until its last answer, whichever is longer. */
    public double achievedRate() {
      return successes() * 1e9 / Math.max(duration.toNanos(), elapsedNanos);
    }
  }

  private final URI commands;
  private final ExecutorService executor;
  private final HttpClient client;
  private long sequence;

  public LoadGenerator(URI api) {
    this.commands = api.resolve("/v1/commands");
    this.executor = Executors.newFixedThreadPool(2, runnable -> {
      Thread t = new Thread(runnable, "bench-http");
      t.setDaemon(true);
      return t;
    });
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  /**
   * Offers {@code rate} commands/s for {@code duration}, then waits for the answers (at most the
   * request timeout). Prints progress every 5 s; {@code extraProgress} adds the workload's own figures.
   */
  public StepRun run(String label, Workload workload, double rate, Duration duration, Supplier<String> extraProgress)
      throws InterruptedException {
    Recorder latencies = new Recorder(HIGHEST_MICROS, 3);
    Histogram latencyTotal = new Histogram(HIGHEST_MICROS, 3);
    Histogram sendLag = new Histogram(HIGHEST_MICROS, 3);
    Outcomes outcomes = new Outcomes();
    Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    AtomicInteger unanswered = new AtomicInteger();
    AtomicLong lastAnswer = new AtomicLong();
    long waited = 0;

    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
    ArrivalSchedule schedule = new ArrivalSchedule(start, rate);
    long end = start + duration.toNanos();
    long nextProgress = start + PROGRESS_EVERY.toNanos();
    long sent = 0;
    long answeredAtLastProgress = 0;
    long lastProgressAt = start;
    for (long i = 0; ; i++) {
      long intended = schedule.intendedNanos(i);
      if (intended >= end) break;
      long now;
      while ((now = System.nanoTime()) < intended) LockSupport.parkNanos(intended - now);
      if (now >= nextProgress) {
        latencyTotal.add(latencies.getIntervalHistogram());
        long answered = latencyTotal.getTotalCount();
        double intervalRate = (answered - answeredAtLastProgress) / ((now - lastProgressAt) / 1e9);
        String extra = extraProgress == null ? "" : extraProgress.get();
        System.out.printf(Locale.ROOT, "  [%s] %3.0f s: offered %.0f/s, answered %.0f/s, p99 so far %s, in flight %d, "
                + "send lag p99 %s%s%n", label, (now - start) / 1e9, rate, intervalRate,
            millis(latencyTotal.getValueAtPercentile(99)), unanswered.get(), millis(sendLag.getValueAtPercentile(99)),
            extra.isEmpty() ? "" : ", " + extra);
        answeredAtLastProgress = answered;
        lastProgressAt = now;
        nextProgress += PROGRESS_EVERY.toNanos();
      }
      if (!inFlight.tryAcquire()) {
        waited++;
        if (!inFlight.tryAcquire(Math.max(0, end - now), TimeUnit.NANOSECONDS)) {
          long unsent = schedule.countWithin(end - start) - i;
          outcomes.add(NOT_SENT, unsent);
          sent += unsent;
          break;
        }
        now = System.nanoTime();
      }
      sendLag.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, (now - intended) / 1000)));
      Command command = workload.next(sequence++);
      HttpRequest request = HttpRequest.newBuilder(commands).timeout(REQUEST_TIMEOUT)
          .header("Authorization", "Bearer " + command.token())
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(command.json())).build();
      unanswered.incrementAndGet();
      sent++;
      client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
        long done = System.nanoTime();
        latencies.recordValue(Math.min(HIGHEST_MICROS, (done - intended) / 1000));
        outcomes.count(response, failure);
        lastAnswer.accumulateAndGet(done, Math::max);
        unanswered.decrementAndGet();
        inFlight.release();
      });
    }
    long drainDeadline = System.nanoTime() + REQUEST_TIMEOUT.plusSeconds(5).toNanos();
    while (unanswered.get() > 0 && System.nanoTime() < drainDeadline) Thread.sleep(10);
    latencyTotal.add(latencies.getIntervalHistogram());
    long elapsed = Math.max(lastAnswer.get(), end) - start;
    return new StepRun(label, rate, duration, sent, elapsed, latencyTotal, sendLag, outcomes.snapshot(), waited);
  }

  static String millis(long micros) {
    return String.format(Locale.ROOT, "%.1f ms", micros / 1000.0);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
