package io.plantsync.projections.parking;

import com.datastax.oss.driver.api.core.cql.Row;
import io.plantsync.projections.ProjectionStore;
import io.plantsync.projections.StoreSession;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;

/** Parked events in Cassandra: one partition per projection, in object and sequence order. */
public final class CassandraParkedEvents implements ParkedEvents {

  public static final String TABLE = "parked_events";

  private final StoreSession session;
  private final String keyspace;

  public CassandraParkedEvents(ActorSystem<?> system) {
    this.session = ProjectionStore.session(system);
    this.keyspace = ProjectionStore.keyspace(system);
  }

  public static String createTable(String keyspace) {
    return """
        CREATE TABLE IF NOT EXISTS %s.%s (
          projection text,
          persistence_id text,
          sequence_nr bigint,
          event_type text,
          reason text,
          parked_at timestamp,
          PRIMARY KEY ((projection), persistence_id, sequence_nr))""".formatted(keyspace, TABLE);
  }

  @Override
  public CompletionStage<Done> park(ParkedEvent event) {
    return session.executeWrite(
        "INSERT INTO " + keyspace + "." + TABLE
            + " (projection, persistence_id, sequence_nr, event_type, reason, parked_at) VALUES (?, ?, ?, ?, ?, ?)",
        event.projection(), event.persistenceId(), event.sequenceNr(), event.eventType(), event.reason(),
        event.parkedAt());
  }

  @Override
  public CompletionStage<List<ParkedEvent>> list(String projection) {
    return session.selectAll("SELECT * FROM " + keyspace + "." + TABLE + " WHERE projection = ?", projection)
        .thenApply(rows -> rows.stream().map(CassandraParkedEvents::toParkedEvent).toList());
  }

  private static ParkedEvent toParkedEvent(Row row) {
    return new ParkedEvent(row.getString("projection"), row.getString("persistence_id"),
        row.getLong("sequence_nr"), row.getString("event_type"), row.getString("reason"),
        row.getInstant("parked_at"));
  }
}
