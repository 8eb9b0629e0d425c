package io.plantsync.projections.orchestration;

import io.plantsync.aggregates.inventorylot.InventoryLotEvent;
import io.plantsync.aggregates.inventorylot.InventoryLotEvent.GoodsReceived;
import io.plantsync.aggregates.productionorder.ProductionOrder;
import io.plantsync.aggregates.productionorder.ProductionOrderCommand.RecordGoodsReceipt;
import io.plantsync.projections.orchestration.CommandFanOut.Target;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.javadsl.Handler;

/**
 * A goods receipt into a lot against a production order (movement 101 with {@code order}) adds to
 * that order's delivered quantity. The order remembers lot and movementId, so a replay counts once.
 */
public final class GoodsReceiptsToOrders extends Handler<EventEnvelope<InventoryLotEvent>> {

  public static final String PROJECTION_NAME = "goods-receipts-to-orders";

  private final CommandFanOut fanOut;

  public GoodsReceiptsToOrders(CommandFanOut fanOut) {
    this.fanOut = fanOut;
  }

  @Override
  public CompletionStage<Done> process(EventEnvelope<InventoryLotEvent> envelope) {
    if (!(envelope.event() instanceof GoodsReceived receipt) || receipt.order() == null) {
      return CompletableFuture.completedFuture(Done.getInstance());
    }
    String lot = PersistenceId.extractEntityId(envelope.persistenceId());
    String plant = lot.substring(0, lot.indexOf('/'));
    var origin = OrchestrationOrigin.of(envelope);
    return fanOut.send("goods receipt " + receipt.movementId() + " into " + lot, List.of(
        new Target<>(ProductionOrder.ENTITY_TYPE_KEY, ProductionOrder.entityId(plant, receipt.order()),
            replyTo -> new RecordGoodsReceipt(origin, lot, receipt.movementId(), receipt.quantity(), receipt.uom(),
                replyTo))));
  }
}
