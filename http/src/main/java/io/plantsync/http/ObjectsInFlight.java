package io.plantsync.http;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Commands in progress per object on this node, at most {@code limit} each. An object answers its
 * commands one write at a time: more than a few in its mailbox only wait there past the ask timeout,
 * and when many are retried at once (after an outage) every answer comes too late and is retried
 * again. Refused at once instead, each object keeps answering at the pace it writes.
 */
final class ObjectsInFlight {

  private final int limit;
  private final ConcurrentHashMap<String, Integer> counts = new ConcurrentHashMap<>();

  ObjectsInFlight(int limit) {
    if (limit < 1) throw new IllegalArgumentException("max-commands-in-flight-per-object must be at least 1");
    this.limit = limit;
  }

  int limit() {
    return limit;
  }

  /** Counts one more command for {@code objectKey}; false (and nothing counted) if it has {@code limit}. */
  boolean tryStart(String objectKey) {
    boolean[] started = {false};
    counts.compute(objectKey, (key, count) -> {
      int now = count == null ? 0 : count;
      if (now >= limit) return now;
      started[0] = true;
      return now + 1;
    });
    return started[0];
  }

  void finish(String objectKey) {
    counts.computeIfPresent(objectKey, (key, count) -> count == 1 ? null : count - 1);
  }
}
