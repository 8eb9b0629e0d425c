package io.plantsync.projections.views;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PagingState;
import com.datastax.oss.driver.api.core.cql.Row;
import io.plantsync.aggregates.productionorder.OrderStatus;
import io.plantsync.aggregates.qualityhold.HoldStatus;
import io.plantsync.projections.StoreSession;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The view queries against Cassandra, through Pekko's shared session.
 *
 * <p>Orders and holds page with the driver's own paging state (base64url in the token); the driver
 * refuses a state that was made for another statement or other values. Inventory positions are sums
 * over lots, and a material's lots may straddle a driver page, so their pages end at a material
 * boundary instead: the token names the last material answered and the next page starts after it.
 */
public final class CassandraViewQueries implements ViewQueries {

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  /** Marks a position token, so that an order or hold token is refused here. */
  private static final String MATERIAL_TOKEN = "after-material:";
  /** Lots fetched per round trip while positions are summed. */
  private static final int LOT_FETCH_SIZE = 500;

  private final StoreSession session;
  private final String keyspace;

  public CassandraViewQueries(StoreSession session, String keyspace) {
    this.session = session;
    this.keyspace = keyspace;
  }

  @Override
  public CompletionStage<Page<ProductionOrderRow>> productionOrders(String plant, Optional<OrderStatus> status,
      int limit, Optional<String> pageToken) {
    String cql = ViewTables.selectProductionOrders(keyspace, status.isPresent());
    Object[] values = status.<Object[]>map(s -> new Object[] {plant, s.name()}).orElse(new Object[] {plant});
    return driverPage(cql, values, limit, pageToken, ViewTables::productionOrder);
  }

  @Override
  public CompletionStage<Page<QualityHoldRow>> qualityHolds(String plant, Optional<HoldStatus> status, int limit,
      Optional<String> pageToken) {
    String cql = ViewTables.selectQualityHolds(keyspace, status.isPresent());
    Object[] values = status.<Object[]>map(s -> new Object[] {plant, s.name()}).orElse(new Object[] {plant});
    return driverPage(cql, values, limit, pageToken, ViewTables::qualityHold);
  }

  @Override
  public CompletionStage<Page<InventoryPosition>> inventoryPositions(String plant, Optional<String> material,
      int limit, Optional<String> pageToken) {
    if (material.isPresent()) {
      // One material is one page (its positions, one per unit): no token of any query fits here.
      if (pageToken.isPresent()) {
        return CompletableFuture.failedFuture(new InvalidPageToken("belongs to another query"));
      }
      return session.selectAll(ViewTables.selectInventoryLotsOfMaterial(keyspace), plant, material.get())
          .thenApply(rows -> new Page<>(InventoryPosition.sum(rows.stream().map(ViewTables::inventoryLot).toList()),
              null));
    }
    String after;
    try {
      after = pageToken.map(CassandraViewQueries::materialOf).orElse("");
    } catch (InvalidPageToken e) {
      return CompletableFuture.failedFuture(e);
    }
    PositionPage page = new PositionPage(limit);
    return session.prepare(ViewTables.selectInventoryLotsAfterMaterial(keyspace))
        .thenCompose(prepared -> execute(prepared.bind(plant, after).setPageSize(LOT_FETCH_SIZE)))
        .thenCompose(result -> collect(result, page))
        .thenApply(full -> new Page<>(InventoryPosition.sum(full.lots()),
            full.lastMaterialIfMore().map(m -> encode(MATERIAL_TOKEN + m)).orElse(null)));
  }

  private CompletionStage<PositionPage> collect(AsyncResultSet result, PositionPage page) {
    for (Row row : result.currentPage()) {
      if (!page.add(ViewTables.inventoryLot(row))) return CompletableFuture.completedFuture(page);
    }
    if (!result.hasMorePages()) return CompletableFuture.completedFuture(page);
    return session.nextPage(result).thenCompose(next -> collect(next, page));
  }

  /** One page of a plain query, with the driver's paging state as the next token. */
  private <T> CompletionStage<Page<T>> driverPage(String cql, Object[] values, int limit, Optional<String> pageToken,
      Function<Row, T> mapping) {
    return session.underlying().thenCompose(cqlSession -> session.prepare(cql).thenCompose(prepared -> {
      BoundStatement statement = prepared.bind(values).setPageSize(limit);
      if (pageToken.isPresent()) {
        try {
          statement = statement.setPagingState(pagingState(pageToken.get()), cqlSession);
        } catch (InvalidPageToken e) {
          return CompletableFuture.failedFuture(e);
        } catch (IllegalArgumentException e) {
          // The driver's check: the state was made for another statement or other values.
          return CompletableFuture.failedFuture(new InvalidPageToken("belongs to another query"));
        }
      }
      return session.executePage(statement).thenApply(result -> {
        List<T> items = new ArrayList<>(result.remaining());
        result.currentPage().forEach(row -> items.add(mapping.apply(row)));
        PagingState next = result.hasMorePages() ? result.getExecutionInfo().getSafePagingState() : null;
        return new Page<>(items, next == null ? null : ENCODER.encodeToString(next.toBytes()));
      });
    }));
  }

  private CompletionStage<AsyncResultSet> execute(BoundStatement statement) {
    return session.executePage(statement);
  }

  private static PagingState pagingState(String token) {
    try {
      return PagingState.fromBytes(DECODER.decode(token));
    } catch (RuntimeException e) {
      throw new InvalidPageToken("is not a page token of this API");
    }
  }

  private static String encode(String text) {
    return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String materialOf(String token) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(DECODER.decode(token))).toString();
    } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException e) {
      throw new InvalidPageToken("is not a page token of this API");
    }
    if (!text.startsWith(MATERIAL_TOKEN)) throw new InvalidPageToken("belongs to another query");
    return text.substring(MATERIAL_TOKEN.length());
  }
}
