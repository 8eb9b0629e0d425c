package io.plantsync.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import java.util.List;

/**
 * Points the driver at Cassandra. HOCON cannot turn one environment variable into a list, so
 * PLANTSYNC_CASSANDRA_CONTACT_POINTS ("host:port,host:port") is applied here.
 */
final class CassandraContactPoints {
  private CassandraContactPoints() {}

  static Config apply(Config config, List<String> contactPoints) {
    if (contactPoints.isEmpty()) return config;
    return config.withValue("datastax-java-driver.basic.contact-points",
        ConfigValueFactory.fromIterable(contactPoints));
  }
}
