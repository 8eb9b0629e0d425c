package io.plantsync.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import java.util.Arrays;
import java.util.List;

/**
 * Config-based seed discovery. HOCON cannot turn one environment variable into a list, so
 * {@code plantsync.cluster.seed-nodes} (PLANTSYNC_SEED_NODES, "host:port,host:port" of the Artery
 * remoting ports) becomes {@code pekko.cluster.seed-nodes} here. Empty leaves Pekko's list alone.
 */
public final class SeedNodes {
  private SeedNodes() {}

  public static final String SYSTEM_NAME = "PlantSync";

  static Config apply(Config config) {
    List<String> seeds = parse(config.getString("plantsync.cluster.seed-nodes"));
    if (seeds.isEmpty()) return config;
    return config.withValue("pekko.cluster.seed-nodes", ConfigValueFactory.fromIterable(seeds));
  }

  /** "127.0.0.1:25520, 127.0.0.1:25521" -> Pekko addresses; full pekko:// addresses pass unchanged. */
  public static List<String> parse(String hostPorts) {
    return Arrays.stream(hostPorts.split(",")).map(String::trim).filter(s -> !s.isEmpty())
        .map(s -> s.startsWith("pekko://") ? s : "pekko://" + SYSTEM_NAME + "@" + s)
        .toList();
  }
}
