package io.plantsync.projections.outbound.delivery;

import com.datastax.oss.driver.api.core.cql.Row;
import io.plantsync.projections.ProjectionStore;
import io.plantsync.projections.StoreSession;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;

/** Dead letters in Cassandra: one partition per subscriber, clustered by object and sequence number. */
public final class CassandraDeadLetters implements DeadLetters {

  public static final String TABLE = "outbound_dead_letters";
  public static final String DISCARDED = "outbound_discarded";

  private final StoreSession session;
  private final String table;

  public CassandraDeadLetters(ActorSystem<?> system) {
    this.session = ProjectionStore.session(system);
    this.table = ProjectionStore.keyspace(system) + "." + TABLE;
  }

  public static List<String> createTables(String keyspace) {
    return List.of(createTable(keyspace), """
        CREATE TABLE IF NOT EXISTS %s.%s (
          subscriber text,
          discarded_at timestamp,
          event_id text,
          event_type text,
          plant text,
          body text,
          last_error text,
          reason text,
          PRIMARY KEY ((subscriber), discarded_at, event_id))""".formatted(keyspace, DISCARDED));
  }

  private static String createTable(String keyspace) {
    return """
        CREATE TABLE IF NOT EXISTS %s.%s (
          subscriber text,
          persistence_id text,
          sequence_nr bigint,
          event_id text,
          event_type text,
          plant text,
          body text,
          last_error text,
          attempts int,
          parked_at timestamp,
          PRIMARY KEY ((subscriber), persistence_id, sequence_nr))""".formatted(keyspace, TABLE);
  }

  @Override
  public CompletionStage<Done> park(DeadLetter l) {
    return session.executeWrite("INSERT INTO " + table + " (subscriber, persistence_id, sequence_nr, event_id, "
            + "event_type, plant, body, last_error, attempts, parked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        l.subscriber(), l.persistenceId(), l.sequenceNr(), l.eventId(), l.eventType(), l.plant(), l.body(),
        l.lastError(), l.attempts(), l.parkedAt());
  }

  @Override
  public CompletionStage<java.util.OptionalLong> firstOf(String subscriber, String persistenceId) {
    // Rows of an object are clustered by sequence_nr ascending: the first row is its first dead letter.
    return session.selectOne("SELECT sequence_nr FROM " + table + " WHERE subscriber = ? AND persistence_id = ? LIMIT 1",
        subscriber, persistenceId).thenApply(row -> row.isPresent()
            ? java.util.OptionalLong.of(row.get().getLong("sequence_nr")) : java.util.OptionalLong.empty());
  }

  @Override
  public CompletionStage<List<DeadLetter>> list(String subscriber) {
    return session.selectAll("SELECT * FROM " + table + " WHERE subscriber = ?", subscriber)
        .thenApply(rows -> rows.stream().map(CassandraDeadLetters::letter).toList());
  }

  @Override
  public CompletionStage<Long> count(String subscriber) {
    return session.selectOne("SELECT count(*) AS letters FROM " + table + " WHERE subscriber = ?", subscriber)
        .thenApply(row -> row.map(r -> r.getLong("letters")).orElse(0L));
  }

  @Override
  public CompletionStage<List<DeadLetter>> ofObject(String subscriber, String persistenceId) {
    return session.selectAll("SELECT * FROM " + table + " WHERE subscriber = ? AND persistence_id = ?",
        subscriber, persistenceId).thenApply(rows -> rows.stream().map(CassandraDeadLetters::letter).toList());
  }

  @Override
  public CompletionStage<Done> remove(DeadLetter l) {
    return session.executeWrite("DELETE FROM " + table + " WHERE subscriber = ? AND persistence_id = ? AND sequence_nr = ?",
        l.subscriber(), l.persistenceId(), l.sequenceNr());
  }

  @Override
  public CompletionStage<Done> discard(DeadLetter l, String reason) {
    String keyspace = table.substring(0, table.indexOf('.'));
    return session.executeWrite("INSERT INTO " + keyspace + "." + DISCARDED + " (subscriber, discarded_at, event_id, "
            + "event_type, plant, body, last_error, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        l.subscriber(), java.time.Instant.now(), l.eventId(), l.eventType(), l.plant(), l.body(), l.lastError(), reason)
        .thenCompose(audited -> remove(l));
  }

  private static DeadLetter letter(Row r) {
    return new DeadLetter(r.getString("subscriber"), r.getString("persistence_id"), r.getLong("sequence_nr"),
        r.getString("event_id"), r.getString("event_type"), r.getString("plant"), r.getString("body"),
        r.getString("last_error"), r.getInt("attempts"), r.getInstant("parked_at"));
  }
}
