package io.plantsync.projections.exceptions;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * At most {@code maxInFlight} writes at a time; a write beyond that is dropped, not queued, so a
 * slow database never holds up (or fills the memory of) the caller. Drops are counted and handed
 * to {@code report} at most once per {@code reportEvery}, with the number dropped since the last
 * report.
 */
final class BoundedWrites {

  /** The write was not attempted: too many were in flight. */
  static final class Dropped extends RuntimeException {
    Dropped(int maxInFlight) {
      super("dropped: " + maxInFlight + " writes already in flight", null, false, false);
    }
  }

  private final int maxInFlight;
  private final long reportEveryNanos;
  private final LongSupplier nanoTime;
  private final LongConsumer report;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicLong unreported = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong lastReport;

  BoundedWrites(int maxInFlight, Duration reportEvery, LongSupplier nanoTime, LongConsumer report) {
    if (maxInFlight < 1) throw new IllegalArgumentException("maxInFlight must be at least 1");
    this.maxInFlight = maxInFlight;
    this.reportEveryNanos = reportEvery.toNanos();
    this.nanoTime = nanoTime;
    this.report = report;
    // The first drop is reported at once.
    this.lastReport = new AtomicLong(nanoTime.getAsLong() - reportEveryNanos);
  }

  /** Starts the write, or drops it when {@code maxInFlight} are running; never throws. */
  <T> CompletionStage<T> submit(Supplier<? extends CompletionStage<T>> write) {
    if (inFlight.incrementAndGet() > maxInFlight) {
      inFlight.decrementAndGet();
      dropped.incrementAndGet();
      unreported.incrementAndGet();
      reportIfDue();
      return CompletableFuture.failedFuture(new Dropped(maxInFlight));
    }
    CompletionStage<T> started;
    try {
      started = write.get();
    } catch (RuntimeException e) {
      started = CompletableFuture.failedFuture(e);
    }
    return started.whenComplete((result, failure) -> {
      inFlight.decrementAndGet();
      reportIfDue();
    });
  }

  int inFlight() {
    return inFlight.get();
  }

  /** All writes dropped since start. */
  long dropped() {
    return dropped.get();
  }

  private void reportIfDue() {
    if (unreported.get() == 0) return;
    long now = nanoTime.getAsLong();
    long last = lastReport.get();
    if (now - last < reportEveryNanos || !lastReport.compareAndSet(last, now)) return;
    long count = unreported.getAndSet(0);
    if (count > 0) report.accept(count);
  }
}
