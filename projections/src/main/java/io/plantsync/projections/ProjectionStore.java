package io.plantsync.projections;

import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSessionRegistry;

/**
 * Where every projection-owned table lives: Pekko's shared Cassandra session (no second driver) and
 * the keyspace of the projection offsets (the journal's keyspace, see persistence.conf).
 */
public final class ProjectionStore {
  private ProjectionStore() {}

  public static StoreSession session(ActorSystem<?> system) {
    return new StoreSession(CassandraSessionRegistry.get(system).sessionFor("pekko.projection.cassandra.session-config"),
        system.executionContext());
  }

  public static String keyspace(ActorSystem<?> system) {
    return system.settings().config().getString("pekko.projection.cassandra.offset-store.keyspace");
  }
}
