package io.plantsync.projections.monitoring;

import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.uuid.Uuids;
import io.plantsync.aggregates.common.Delay;
import io.plantsync.projections.ProjectionStore;
import io.plantsync.projections.StoreSession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * How many events a projection has not handled yet: events written to its tags after the offsets it
 * stored, counted in Cassandra's tag table (hour buckets). Cluster-wide by construction, since
 * every node writes the same tables. Looks back at most {@link #MAX_BUCKETS} hours; a projection
 * further behind (or that never stored an offset) is reported as "at least" that count.
 */
public final class BacklogProbe {

  static final int MAX_BUCKETS = 48;
  /** Well past the journal's eventual-consistency delay: no event can still arrive in a bucket this old. */
  private static final long CLOSED_AFTER_MILLIS = 60_000L;
  private static final long HOUR_MILLIS = 3_600_000L;
  private static final String TIME_BASED_UUID = "TBU";

  /** Events not yet handled; {@code atLeast} when the look-back limit cut the count short. */
  public record Backlog(long events, boolean atLeast) {
    Backlog plus(Backlog other) {
      return new Backlog(events + other.events, atLeast || other.atLeast);
    }
  }

  private record TagBucket(String tag, long bucket) {}

  private final Map<TagBucket, Long> closedBuckets = new ConcurrentHashMap<>();
  private final StoreSession session;
  private final String journalKeyspace;
  private final String offsetKeyspace;
  private final Delay delay;

  public BacklogProbe(ActorSystem<?> system) {
    this.session = ProjectionStore.session(system);
    var config = system.settings().config();
    this.journalKeyspace = config.getString("pekko.persistence.cassandra.journal.keyspace");
    this.offsetKeyspace = ProjectionStore.keyspace(system);
    this.delay = Delay.on(system);
  }

  /**
   * Tags are counted one after another: an operator's status request must not flood Cassandra. The
   * count gives up when {@code budget} is spent (a busy Cassandra scans a long backlog slowly), so
   * the status still answers in time, with the reason instead of the count.
   */
  public CompletionStage<Backlog> backlog(String projection, List<String> tags, Duration budget) {
    return TimeBudget.within(delay, budget, "counted", spent -> {
      CompletionStage<Backlog> total = CompletableFuture.completedFuture(new Backlog(0, false));
      for (String tag : tags) {
        total = total.thenCompose(sum -> backlogOfTag(projection, tag, spent).thenApply(sum::plus));
      }
      return total;
    });
  }

  private CompletionStage<Backlog> backlogOfTag(String projection, String tag, BooleanSupplier spent) {
    if (spent.getAsBoolean()) return TimeBudget.abandoned();
    return storedOffset(projection, tag).thenCompose(offset -> countAfter(tag, offset, spent));
  }

  /** One tag: when the newest event the projection stored as handled was written (null before any), and its backlog. */
  public record TagBacklog(Instant handledUpTo, Backlog backlog) {}

  /** {@link #backlog} of one tag, with where its stored offset is (one offset read, as for the count). */
  public CompletionStage<TagBacklog> ofTag(String projection, String tag, Duration budget) {
    return TimeBudget.within(delay, budget, "counted", spent -> storedOffset(projection, tag)
        .thenCompose(offset -> countAfter(tag, offset, spent).thenApply(left -> new TagBacklog(
            offset == null ? null : Instant.ofEpochMilli(Uuids.unixTimestamp(offset)), left))));
  }

  private CompletionStage<UUID> storedOffset(String projection, String tag) {
    // The offset store spreads projections over a few partitions; look in all of them.
    return session.selectOne("SELECT offset, manifest FROM " + offsetKeyspace + ".offset_store"
            + " WHERE projection_name = ? AND partition IN (0, 1, 2, 3, 4) AND projection_key = ?", projection, tag)
        .thenApply(row -> offsetOf(row.orElse(null)));
  }

  private static UUID offsetOf(Row row) {
    if (row == null || !TIME_BASED_UUID.equals(row.getString("manifest"))) return null;
    return UUID.fromString(row.getString("offset"));
  }

  private CompletionStage<Backlog> countAfter(String tag, UUID offset, BooleanSupplier spent) {
    long now = System.currentTimeMillis();
    long lastBucket = now - now % HOUR_MILLIS;
    long firstBucket = offset == null ? lastBucket - (MAX_BUCKETS - 1) * HOUR_MILLIS
        : Math.max(bucketOf(offset), lastBucket - (MAX_BUCKETS - 1) * HOUR_MILLIS);
    boolean cut = offset == null || bucketOf(offset) < firstBucket;
    CompletionStage<Long> count = CompletableFuture.completedFuture(0L);
    for (long bucket = firstBucket; bucket <= lastBucket; bucket += HOUR_MILLIS) {
      UUID after = bucket == bucketOf(offset) ? offset : null;
      long thisBucket = bucket;
      count = count.thenCompose(sum -> spent.getAsBoolean() ? TimeBudget.abandoned()
          : countIn(tag, thisBucket, after).thenApply(n -> sum + n));
    }
    return count.thenApply(events -> new Backlog(events, cut));
  }

  private static long bucketOf(UUID offset) {
    if (offset == null) return Long.MIN_VALUE;
    long millis = Uuids.unixTimestamp(offset);
    return millis - millis % HOUR_MILLIS;
  }

  /**
   * A whole hour bucket that closed a while ago no longer changes (events are written at the time
   * they happen, at most the consistency delay late): counted once, then remembered, so a status
   * sampled every few seconds costs an offset read and one or two counts per tag, not one per hour
   * of look-back (W4 sampled every 5 s: 48 counts per tag without an offset, and "backlog unknown").
   */
  private CompletionStage<Long> countIn(String tag, long bucket, UUID after) {
    boolean closed = bucket + HOUR_MILLIS + CLOSED_AFTER_MILLIS < System.currentTimeMillis();
    if (after != null || !closed) return countNow(tag, bucket, after);
    Long known = closedBuckets.get(new TagBucket(tag, bucket));
    if (known != null) return CompletableFuture.completedFuture(known);
    return countNow(tag, bucket, null).thenApply(events -> {
      forgetBucketsBefore(System.currentTimeMillis() - (MAX_BUCKETS + 1) * HOUR_MILLIS);
      closedBuckets.put(new TagBucket(tag, bucket), events);
      return events;
    });
  }

  private void forgetBucketsBefore(long millis) {
    closedBuckets.keySet().removeIf(key -> key.bucket() < millis);
  }

  private CompletionStage<Long> countNow(String tag, long bucket, UUID after) {
    String cql = "SELECT count(*) AS events FROM " + journalKeyspace + ".tag_views"
        + " WHERE tag_name = ? AND timebucket = ?" + (after == null ? "" : " AND timestamp > ?");
    var rows = after == null ? session.selectOne(cql, tag, bucket) : session.selectOne(cql, tag, bucket, after);
    return rows.thenApply(row -> row.map(r -> r.getLong("events")).orElse(0L));
  }
}
