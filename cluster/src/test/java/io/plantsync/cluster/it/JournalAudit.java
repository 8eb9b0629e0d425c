package io.plantsync.cluster.it;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import io.plantsync.cluster.cassandra.EmbeddedCassandra;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the event journal straight from Cassandra, bypassing PlantSync: every row of an entity
 * with its sequence number, writer (one per entity incarnation) and the messageId in its event.
 * The journal's key includes a time uuid, so two incarnations writing the same sequence number
 * leave two rows: the conflict is visible here, not overwritten.
 */
final class JournalAudit implements AutoCloseable {

  record Entry(long sequenceNr, String writer, String messageId) {}

  private static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());
  private final CqlSession session;
  private final PreparedStatement rows;

  JournalAudit(EmbeddedCassandra cassandra) {
    session = SharedCassandra.direct(cassandra, CqlSession.builder()).build();
    rows = session.prepare("SELECT sequence_nr, writer_uuid, event FROM plantsync.messages "
        + "WHERE persistence_id = ? AND partition_nr = 0");
  }

  /** Every journal row of the entity, in sequence number order. */
  List<Entry> entries(String persistenceId) {
    List<Entry> entries = new ArrayList<>();
    for (Row row : session.execute(rows.bind(persistenceId))) {
      entries.add(new Entry(row.getLong("sequence_nr"), row.getString("writer_uuid"), messageId(row)));
    }
    return entries;
  }

  private static String messageId(Row row) {
    try {
      var buffer = row.getByteBuffer("event");
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return CBOR.readTree(bytes).path("meta").path("messageId").asText(null);
    } catch (IOException e) {
      throw new UncheckedIOException("event not readable as CBOR", e);
    }
  }

  @Override
  public void close() {
    session.close();
  }
}
