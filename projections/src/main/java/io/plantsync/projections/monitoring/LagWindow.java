package io.plantsync.projections.monitoring;

import java.util.Arrays;

/**
 * The lags of the last {@link #SIZE} events (milliseconds), so percentiles describe the present,
 * not the day. Not thread-safe: its owner synchronizes.
 */
public final class LagWindow {

  public static final int SIZE = 1024;

  private final long[] lags = new long[SIZE];
  private long recorded;

  public void record(long lagMillis) {
    lags[(int) (recorded % SIZE)] = Math.max(0, lagMillis);
    recorded++;
  }

  /** The p-th percentile (0 < p <= 1) of the window, or null before the first lag. */
  public Long percentile(double p) {
    int size = (int) Math.min(recorded, SIZE);
    if (size == 0) return null;
    long[] sorted = Arrays.copyOf(lags, size);
    Arrays.sort(sorted);
    return sorted[(int) Math.min(size - 1, Math.ceil(p * size) - 1)];
  }
}
