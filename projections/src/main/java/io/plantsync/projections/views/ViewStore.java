package io.plantsync.projections.views;

import io.plantsync.projections.StoreSession;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;

/** Writes view rows through Pekko's shared Cassandra session (statements are prepared once by the driver). */
final class ViewStore {

  private final StoreSession session;
  private final String upsertOrder;
  private final String upsertLot;
  private final String upsertHold;

  ViewStore(StoreSession session, String keyspace) {
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
