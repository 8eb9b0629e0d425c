package io.plantsync.cluster;

import com.typesafe.config.Config;
import io.plantsync.cluster.cassandra.EmbeddedCassandraSettings;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** What the node itself reads from configuration at start-up (each module reads its own part). */
public record NodeSettings(
    String profile,
    boolean joinSelf,
    boolean bootstrap,
    List<String> cassandraContactPoints,
    boolean embeddedCassandraEnabled,
    EmbeddedCassandraSettings embeddedCassandra,
    int managementPort) {

  public static NodeSettings fromConfig(Config config) {
    Config plantsync = config.getConfig("plantsync");
    Config embedded = plantsync.getConfig("embedded-cassandra");
    List<String> contactPoints = Arrays.stream(plantsync.getString("cassandra.contact-points").split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).toList();
    return new NodeSettings(
        plantsync.hasPath("profile") ? plantsync.getString("profile") : "production",
        plantsync.getBoolean("cluster.join-self"),
        plantsync.getBoolean("cluster.bootstrap"),
        contactPoints,
        embedded.getBoolean("enabled"),
        new EmbeddedCassandraSettings(
            Path.of(embedded.getString("data-directory")),
            EmbeddedCassandraSettings.DEFAULT_HOST,
            embedded.getInt("cql-port"),
            embedded.getInt("storage-port"),
            embedded.getInt("jmx-port"),
            embedded.getString("heap"),
            embedded.getDuration("startup-timeout")),
        config.getInt("pekko.management.http.port"));
  }

  /** The embedded node runs only in dev/test and only when no external Cassandra is configured. */
  public boolean startsEmbeddedCassandra() {
    return embeddedCassandraEnabled && cassandraContactPoints.isEmpty();
  }
}
