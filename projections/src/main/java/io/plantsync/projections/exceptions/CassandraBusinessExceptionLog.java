package io.plantsync.projections.exceptions;

import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.uuid.Uuids;
import io.plantsync.projections.ProjectionStore;
import io.plantsync.projections.StoreSession;
import io.plantsync.projections.views.ViewQueries.InvalidPageToken;
import io.plantsync.projections.views.ViewQueries.Page;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Business exceptions in Cassandra ({@link BusinessExceptionTable}), through Pekko's shared
 * session. Writes are fire-and-forget and bounded ({@code max-writes-in-flight}): an adapter's
 * answer never waits for, or fails with, its exception record. A query walks the plant's days from
 * the newest down to {@code since}, one partition per day, at most {@link #MAX_DAYS} of them.
 */
public final class CassandraBusinessExceptionLog implements BusinessExceptionLog {

  private static final Logger log = LoggerFactory.getLogger(CassandraBusinessExceptionLog.class);
  private static final Duration REPORT_DROPS_EVERY = Duration.ofMinutes(1);
  /** Days a query reads at most: the look-back, plus the partial day at each end. */
  static final int MAX_DAYS = (int) MAX_LOOK_BACK.toDays() + 1;

  private final StoreSession session;
  private final String keyspace;
  private final ExceptionLogSettings settings;
  private final Clock clock;
  private final BoundedWrites writes;

  public CassandraBusinessExceptionLog(ActorSystem<?> system) {
    this(ProjectionStore.session(system),
        ProjectionStore.keyspace(system),
        ExceptionLogSettings.fromConfig(system.settings().config()), Clock.systemUTC());
  }

  CassandraBusinessExceptionLog(StoreSession session, String keyspace, ExceptionLogSettings settings,
      Clock clock) {
    this.session = session;
    this.keyspace = keyspace;
    this.settings = settings;
    this.clock = clock;
    this.writes = new BoundedWrites(settings.maxWritesInFlight(), REPORT_DROPS_EVERY, System::nanoTime,
        dropped -> log.warn("Dropped {} business exception record(s) since the last report: {} writes were already "
            + "in flight (Cassandra slow or down?)", dropped, settings.maxWritesInFlight()));
  }

  @Override
  public CompletionStage<Done> record(BusinessException e) {
    return writes.<Done>submit(() -> session.executeWrite(BusinessExceptionTable.insert(keyspace),
            BusinessExceptionTable.values(e, Uuids.timeBased(), settings.ttlSeconds())))
        .whenComplete((done, failure) -> {
          if (failure != null && !(failure instanceof BoundedWrites.Dropped)) {
            log.warn("Business exception not recorded: {} {} on {} from adapter {} (plant {}, messageId {}): {}",
                e.code(), e.commandType(), e.objectId(), e.adapterId(), e.plant(), e.messageId(), failure.toString());
          }
        });
  }

  @Override
  public CompletionStage<Page<BusinessException>> query(String plant, Instant since, int limit,
      Optional<String> pageToken) {
    Optional<ExceptionPageToken> after;
    try {
      after = pageToken.map(token -> ExceptionPageToken.decode(token, plant));
    } catch (InvalidPageToken e) {
      return CompletableFuture.failedFuture(e);
    }
    Instant now = clock.instant();
    Instant oldest = since.isBefore(now.minus(MAX_LOOK_BACK)) ? now.minus(MAX_LOOK_BACK) : since;
    List<LocalDate> days = ExceptionDays.newestFirst(after.map(ExceptionPageToken::at).orElse(now), oldest, MAX_DAYS);
    return readDays(plant, days, 0, oldest, after, limit, new ArrayList<>(), null);
  }

  /**
   * Reads day after day until {@code limit} exceptions are collected or the days run out. A full
   * page gets a token (the next page may turn out empty); only the first day continues after the
   * token's row.
   */
  private CompletionStage<Page<BusinessException>> readDays(String plant, List<LocalDate> days, int index,
      Instant since, Optional<ExceptionPageToken> after, int limit, List<BusinessException> items, Row last) {
    if (items.size() == limit) {
      return CompletableFuture.completedFuture(new Page<>(items, BusinessExceptionTable.positionAfter(last).encode()));
    }
    if (index == days.size()) return CompletableFuture.completedFuture(new Page<>(items, null));
    LocalDate day = days.get(index);
    int remaining = limit - items.size();
    CompletionStage<List<Row>> rows = after.filter(position -> ExceptionDays.dayOf(position.at()).equals(day))
        .map(position -> session.selectAll(BusinessExceptionTable.selectDayAfter(keyspace), plant, day,
            position.at(), position.id(), since, remaining))
        .orElseGet(() -> session.selectAll(BusinessExceptionTable.selectDay(keyspace), plant, day, since, remaining));
    return rows.thenCompose(page -> {
      page.forEach(row -> items.add(BusinessExceptionTable.exception(row)));
      Row lastRow = page.isEmpty() ? last : page.get(page.size() - 1);
      return readDays(plant, days, index + 1, since, after, limit, items, lastRow);
    });
  }
}
