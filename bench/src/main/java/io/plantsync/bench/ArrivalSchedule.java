package io.plantsync.bench;

/**
 * When each request of an open-model load is meant to leave: request {@code i} at
 * {@code start + i / rate}, whatever happened to the ones before. Latency is measured from this
 * intended time, so a stalled server (or a stalled generator) shows in the percentiles instead of
 * silently lowering the offered load (coordinated omission).
 */
public record ArrivalSchedule(long startNanos, double ratePerSecond) {

  public ArrivalSchedule {
    if (!(ratePerSecond > 0)) throw new IllegalArgumentException("rate must be positive, was " + ratePerSecond);
  }

  public long intendedNanos(long i) {
    return startNanos + (long) (i * 1e9 / ratePerSecond);
  }

  /** How many requests are due within {@code nanos} of the start. */
  public long countWithin(long nanos) {
    return (long) Math.ceil(nanos * ratePerSecond / 1e9);
  }
}
