package io.plantsync.aggregates;

import com.typesafe.config.Config;
import io.plantsync.aggregates.governance.SystemOfRecord;

/** Everything the entities read from configuration, read once at start-up. */
public record AggregateSettings(
    SystemOfRecord systemOfRecord, int snapshotEvery, int tagPartitions, int messageIdWindow) {

  public AggregateSettings {
    if (snapshotEvery < 1) throw new IllegalArgumentException("snapshot-every must be >= 1");
    if (tagPartitions < 1) throw new IllegalArgumentException("tag-partitions must be >= 1");
    if (messageIdWindow < 1) throw new IllegalArgumentException("message-id-window must be >= 1");
  }

  public static AggregateSettings fromConfig(Config config) {
    return new AggregateSettings(
        SystemOfRecord.fromConfig(config.getConfig("plantsync.system-of-record")),
        config.getInt("plantsync.aggregates.snapshot-every"),
        config.getInt("plantsync.aggregates.tag-partitions"),
        config.getInt("plantsync.aggregates.message-id-window"));
  }
}
