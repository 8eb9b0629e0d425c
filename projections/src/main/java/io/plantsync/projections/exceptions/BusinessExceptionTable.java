package io.plantsync.projections.exceptions;

import com.datastax.oss.driver.api.core.cql.Row;
import java.util.UUID;

/**
 * The exception table: its schema, and the one place that knows its columns. A partition is one
 * plant's day (UTC), rows newest first ({@code at}, then a timeuuid that keeps two rejections of the
 * same millisecond apart). Every row expires after the retention (a TTL per write); the time-window
 * compaction drops whole expired files instead of compacting tombstones.
 */
public final class BusinessExceptionTable {
  private BusinessExceptionTable() {}

  public static final String TABLE = "business_exceptions";

  private static final String COLUMNS = "plant, day, at, id, adapter_id, adapter_kind, object_type, object_id, "
      + "command_type, message_id, code, detail";

  public static String createTable(String keyspace) {
    return """
        CREATE TABLE IF NOT EXISTS %s.%s (
          plant text,
          day date,
          at timestamp,
          id timeuuid,
          adapter_id text,
          adapter_kind text,
          object_type text,
          object_id text,
          command_type text,
          message_id text,
          code text,
          detail text,
          PRIMARY KEY ((plant, day), at, id))
        WITH CLUSTERING ORDER BY (at DESC, id DESC)
          AND compaction = {'class': 'TimeWindowCompactionStrategy', 'compaction_window_unit': 'DAYS', \
        'compaction_window_size': 1}""".formatted(keyspace, TABLE);
  }

  /** Binds: the columns in order, then the TTL in seconds. */
  static String insert(String keyspace) {
    return "INSERT INTO %s.%s (%s) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) USING TTL ?"
        .formatted(keyspace, TABLE, COLUMNS);
  }

  static Object[] values(BusinessException e, UUID id, int ttlSeconds) {
    return new Object[] {e.plant(), ExceptionDays.dayOf(e.at()), e.at(), id, e.adapterId(), e.adapterKind(),
        e.objectType(), e.objectId(), e.commandType(), e.messageId(), e.code(), e.detail(), ttlSeconds};
  }

  /** One day of a plant from the newest down to {@code since}. Binds: plant, day, since, limit. */
  static String selectDay(String keyspace) {
    return select(keyspace, "plant = ? AND day = ? AND at >= ?");
  }

  /**
   * One day of a plant, after (older than) a row already answered, down to {@code since}.
   * Binds: plant, day, at and id of that row, since, limit.
   */
  static String selectDayAfter(String keyspace) {
    return select(keyspace, "plant = ? AND day = ? AND (at, id) < (?, ?) AND (at) >= (?)");
  }

  private static String select(String keyspace, String where) {
    return "SELECT %s FROM %s.%s WHERE %s LIMIT ?".formatted(COLUMNS, keyspace, TABLE, where);
  }

  static BusinessException exception(Row row) {
    return new BusinessException(row.getInstant("at"), row.getString("adapter_id"), row.getString("adapter_kind"),
        row.getString("plant"), row.getString("object_type"), row.getString("object_id"),
        row.getString("command_type"), row.getString("message_id"), row.getString("code"), row.getString("detail"));
  }

  /** Where the next page starts when this row was the last one answered. */
  static ExceptionPageToken positionAfter(Row row) {
    return new ExceptionPageToken(row.getString("plant"), row.getInstant("at"), row.getUuid("id"));
  }
}
