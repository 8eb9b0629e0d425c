package io.plantsync.projections.views;

import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSession;

/** Writes view rows through Pekko's shared Cassandra session (statements are prepared once by the driver). */
final class ViewStore {

  private final CassandraSession session;
  private final String upsertOrder;
  private final String upsertLot;
  private final String upsertHold;

  ViewStore(CassandraSession session, String keyspace) {
    this.session = session;
    this.upsertOrder = ViewTables.upsertProductionOrder(keyspace);
    this.upsertLot = ViewTables.upsertInventoryLot(keyspace);
    this.upsertHold = ViewTables.upsertQualityHold(keyspace);
  }

  CompletionStage<Done> upsert(ProductionOrderRow row) {
    return session.executeWrite(upsertOrder, ViewTables.values(row));
  }

  CompletionStage<Done> upsert(InventoryLotRow row) {
    return session.executeWrite(upsertLot, ViewTables.values(row));
  }

  CompletionStage<Done> upsert(QualityHoldRow row) {
    return session.executeWrite(upsertHold, ViewTables.values(row));
  }
}
