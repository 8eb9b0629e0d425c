package io.plantsync.bench;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.OptionsMap;
import com.datastax.oss.driver.api.core.config.TypedDriverOption;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.uuid.Uuids;
import io.plantsync.cluster.cassandra.EmbeddedCassandra;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The raw write capacity of the same Cassandra for rows like the journal's: a plain driver loop
 * (bounded concurrency, prepared INSERT, the journal's QUORUM consistency) into a copy of
 * {@code plantsync.messages} in a keyspace of its own, with event blobs of the size the journal
 * actually holds. PlantSync writes more than this per command (tag views, tag progress, a snapshot
 * every 100 events, projection offsets), so its commands/s as a fraction of this is an upper bound.
 */
final class RawCassandra {
  private RawCassandra() {}

  static final String KEYSPACE = "plantsync_bench_raw";

  /** What the journal's rows look like, sampled from {@code plantsync.messages}. */
  record RowShape(long sampledRows, int eventBytes, int persistenceIdChars, String serManifest, String eventManifest) {
    static RowShape fallback() {
      return new RowShape(0, 200, 30, "io.plantsync.aggregates.inventorylot.InventoryLotEvent$GoodsReceived", "");
    }
  }

  record Result(RowShape shape, int concurrency, double seconds, long rows, long errors, double rowsPerSecond,
      double p50Millis, double p99Millis, long cassandraCpuMillis, double cassandraCpuMillisPerRow) {}

  static CqlSession session(EmbeddedCassandra cassandra) {
    OptionsMap options = OptionsMap.driverDefaults();
    options.put(TypedDriverOption.SESSION_NAME, "bench-raw");
    options.put(TypedDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(10));
    options.put(TypedDriverOption.REQUEST_CONSISTENCY, ConsistencyLevel.QUORUM.name());
    options.put(TypedDriverOption.METADATA_SCHEMA_ENABLED, false);
    return CqlSession.builder().withConfigLoader(DriverConfigLoader.fromMap(options))
        .addContactPoint(new InetSocketAddress(cassandra.host(), cassandra.cqlPort()))
        .withLocalDatacenter(EmbeddedCassandra.LOCAL_DATACENTER).build();
  }

  static RowShape sample(CqlSession session) {
    long rows = 0;
    long eventBytes = 0;
    long pidChars = 0;
    String serManifest = null;
    String eventManifest = null;
    for (Row row : session.execute("SELECT persistence_id, ser_manifest, event_manifest, event FROM plantsync.messages LIMIT 2000")) {
      rows++;
      ByteBuffer event = row.getByteBuffer("event");
      eventBytes += event == null ? 0 : event.remaining();
      pidChars += row.getString("persistence_id").length();
      if (serManifest == null) {
        serManifest = row.getString("ser_manifest");
        eventManifest = row.getString("event_manifest");
      }
    }
    if (rows == 0) return RowShape.fallback();
    return new RowShape(rows, (int) (eventBytes / rows), (int) (pidChars / rows), serManifest,
        eventManifest == null ? "" : eventManifest);
  }

  /** Writes as fast as Cassandra takes them for {@code duration}, {@code concurrency} at a time, then drops the keyspace. */
  static Result measure(CqlSession session, long cassandraPid, RowShape shape, Duration duration, int concurrency)
      throws InterruptedException {
    session.execute("CREATE KEYSPACE IF NOT EXISTS " + KEYSPACE
        + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
    session.execute("""
        CREATE TABLE IF NOT EXISTS %s.messages (
          persistence_id text, partition_nr bigint, sequence_nr bigint, timestamp timeuuid, timebucket text,
          writer_uuid text, ser_id int, ser_manifest text, event_manifest text, event blob,
          meta_ser_id int, meta_ser_manifest text, meta blob, tags set<text>,
          PRIMARY KEY ((persistence_id, partition_nr), sequence_nr, timestamp))
          WITH compaction = {'class': 'SizeTieredCompactionStrategy'}""".formatted(KEYSPACE));
    PreparedStatement insert = session.prepare("INSERT INTO " + KEYSPACE + ".messages (persistence_id, partition_nr,"
        + " sequence_nr, timestamp, timebucket, writer_uuid, ser_id, ser_manifest, event_manifest, event, tags)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    byte[] payload = new byte[shape.eventBytes()];
    new Random(7).nextBytes(payload);
    String writer = UUID.randomUUID().toString();
    String pidPrefix = "Raw|" + "x".repeat(Math.max(0, shape.persistenceIdChars() - 12));
    int partitions = 100_000;

    Semaphore permits = new Semaphore(concurrency);
    Recorder latencies = new Recorder(TimeUnit.SECONDS.toMicros(60), 3);
    AtomicLong ok = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    ProcessCpu.Meter cpu = ProcessCpu.start(0, cassandraPid);
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    long i = 0;
    for (; System.nanoTime() < end; i++) {
      permits.acquire();
      long partition = i % partitions;
      String bucket = Long.toString(System.currentTimeMillis() / 3_600_000 * 3_600_000);
      long sent = System.nanoTime();
      session.executeAsync(insert.bind(String.format(Locale.ROOT, "%s%08d", pidPrefix, partition), 0L,
              i / partitions + 1, Uuids.timeBased(), bucket, writer, 33, shape.serManifest(), shape.eventManifest(),
              ByteBuffer.wrap(payload), Set.of("InventoryLot-" + (partition % 8))))
          .whenComplete((rs, failure) -> {
            latencies.recordValue(Math.min(TimeUnit.SECONDS.toMicros(60), (System.nanoTime() - sent) / 1000));
            (failure == null ? ok : errors).incrementAndGet();
            permits.release();
          });
    }
    permits.acquire(concurrency);
    double seconds = (System.nanoTime() - start) / 1e9;
    ProcessCpu.Usage usage = cpu.stop();
    Histogram histogram = latencies.getIntervalHistogram();
    session.execute("DROP KEYSPACE IF EXISTS " + KEYSPACE);
    Result result = new Result(shape, concurrency, seconds, ok.get(), errors.get(), ok.get() / seconds,
        histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(99) / 1000.0,
        usage.cassandraMillis(), ok.get() == 0 ? 0 : (double) usage.cassandraMillis() / ok.get());
    System.out.printf(Locale.ROOT, "Raw Cassandra: %,.0f rows/s (%d-byte events, %d in flight, p99 %.1f ms, "
        + "Cassandra CPU %.3f ms/row, %d errors)%n", result.rowsPerSecond(), shape.eventBytes(), concurrency,
        result.p99Millis(), result.cassandraCpuMillisPerRow(), result.errors());
    return result;
  }
}
