package io.plantsync.projections;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.Statement;
import io.plantsync.aggregates.common.Dispatched;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.pekko.Done;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSession;

/**
 * Pekko's shared Cassandra session, every result handed back on the actor system's default
 * dispatcher ({@link Dispatched}): neither the JDK's default executor nor the driver's network
 * threads run PlantSync's callbacks.
 */
public final class StoreSession {
  private final CassandraSession session;
  private final Executor dispatcher;

  StoreSession(CassandraSession session, Executor dispatcher) {
    this.session = session;
    this.dispatcher = dispatcher;
  }

  public CompletableFuture<Optional<Row>> selectOne(String cql, Object... values) {
    return Dispatched.on(dispatcher, session.selectOne(cql, values));
  }

  public CompletableFuture<List<Row>> selectAll(String cql, Object... values) {
    return Dispatched.on(dispatcher, session.selectAll(cql, values));
  }

  public CompletableFuture<Done> executeWrite(String cql, Object... values) {
    return Dispatched.on(dispatcher, session.executeWrite(cql, values));
  }

  public CompletableFuture<Done> executeDDL(String cql) {
    return Dispatched.on(dispatcher, session.executeDDL(cql));
  }

  public CompletableFuture<PreparedStatement> prepare(String cql) {
    return Dispatched.on(dispatcher, session.prepare(cql));
  }

  /** One page of {@code statement}, with the driver's paging (for paged reads that stop early). */
  public CompletableFuture<AsyncResultSet> executePage(Statement<?> statement) {
    return underlying().thenCompose(cql -> Dispatched.on(dispatcher, cql.executeAsync(statement)));
  }

  /** The page after {@code page} (which has more pages). */
  public CompletableFuture<AsyncResultSet> nextPage(AsyncResultSet page) {
    return Dispatched.on(dispatcher, page.fetchNextPage());
  }

  /** The driver's session, for what only it can do (paging states); statements go through {@link #executePage}. */
  public CompletableFuture<CqlSession> underlying() {
    return Dispatched.on(dispatcher, session.underlying());
  }
}
