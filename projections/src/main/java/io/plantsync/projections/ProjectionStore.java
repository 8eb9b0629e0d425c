package io.plantsync.projections;

import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSession;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSessionRegistry;

/**
 * Where every projection-owned table lives: Pekko's shared Cassandra session (no second driver) and
 * the keyspace of the projection offsets (the journal's keyspace, see persistence.conf).
 */
public final class ProjectionStore {
  private ProjectionStore() {}

  public static CassandraSession session(ActorSystem<?> system) {
    return CassandraSessionRegistry.get(system).sessionFor("pekko.projection.cassandra.session-config");
  }

  public static String keyspace(ActorSystem<?> system) {
    return system.settings().config().getString("pekko.projection.cassandra.offset-store.keyspace");
  }
}
