package io.plantsync.projections.exceptions;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * {@code plantsync.exceptions}: how long exceptions are kept (a TTL on every row) and how many
 * writes may be in flight before further ones are dropped.
 */
public record ExceptionLogSettings(Duration retention, int maxWritesInFlight) {

  /** Cassandra's largest TTL (20 years). */
  static final Duration MAX_TTL = Duration.ofSeconds(630_720_000);

  public ExceptionLogSettings {
    if (retention.compareTo(Duration.ofSeconds(1)) < 0 || retention.compareTo(MAX_TTL) > 0) {
      throw new IllegalArgumentException("plantsync.exceptions.retention must be from 1s to 20 years: " + retention);
    }
    if (maxWritesInFlight < 1) {
      throw new IllegalArgumentException("plantsync.exceptions.max-writes-in-flight must be at least 1");
    }
  }

  public static ExceptionLogSettings fromConfig(Config config) {
    Config c = config.getConfig("plantsync.exceptions");
    return new ExceptionLogSettings(c.getDuration("retention"), c.getInt("max-writes-in-flight"));
  }

  int ttlSeconds() {
    return (int) retention.toSeconds();
  }
}
