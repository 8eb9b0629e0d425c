package io.plantsync.projections.orchestration;

import io.plantsync.aggregates.common.CommandReply;
import io.plantsync.aggregates.inventorylot.InventoryLotEvent;
import io.plantsync.aggregates.inventorylot.InventoryLotEvent.GoodsReceived;
import io.plantsync.aggregates.inventorylot.InventoryLotEvent.MovementReversed;
import io.plantsync.aggregates.inventorylot.LotKey;
import io.plantsync.aggregates.inventorylot.MovementType;
import io.plantsync.aggregates.inventorylot.StockMove;
import io.plantsync.aggregates.productionorder.OrderKey;
import io.plantsync.aggregates.productionorder.ProductionOrder;
import io.plantsync.aggregates.productionorder.ProductionOrderCommand;
import io.plantsync.aggregates.productionorder.ProductionOrderCommand.RecordGoodsReceipt;
import io.plantsync.aggregates.productionorder.ProductionOrderCommand.RecordGoodsReceiptReversal;
import io.plantsync.projections.orchestration.CommandFanOut.Target;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.javadsl.Handler;

/**
 * A goods receipt into a lot against a production order (movement 101 with {@code order}) adds to
 * that order's delivered quantity; its reversal (102) takes the same quantity off again. The order
 * remembers lot and movementId of each, so a replay counts once. Both come from the lot's one
 * journal, in order, so a reversal never reaches the order before its receipt.
 */
public final class GoodsReceiptsToOrders extends Handler<EventEnvelope<InventoryLotEvent>> {

  public static final String PROJECTION_NAME = "goods-receipts-to-orders";

  private final CommandFanOut fanOut;

  public GoodsReceiptsToOrders(CommandFanOut fanOut) {
    this.fanOut = fanOut;
  }

  @Override
  public CompletionStage<Done> process(EventEnvelope<InventoryLotEvent> envelope) {
    String lot = PersistenceId.extractEntityId(envelope.persistenceId());
    var origin = OrchestrationOrigin.of(envelope);
    if (envelope.event() instanceof GoodsReceived receipt && receipt.order() != null) {
      return send(lot, receipt.order(), "goods receipt " + receipt.movementId(),
          replyTo -> new RecordGoodsReceipt(origin, lot, receipt.movementId(), receipt.quantity(), receipt.uom(),
              replyTo));
    }
    if (envelope.event() instanceof MovementReversed reversal && reversal.order() != null
        && reversal.reversedMovementType() == MovementType.GOODS_RECEIPT) {
      return send(lot, reversal.order(), "goods receipt reversal " + reversal.movementId(),
          replyTo -> new RecordGoodsReceiptReversal(origin, lot, reversal.movementId(),
              reversal.reversedMovementId(), takenBack(reversal), reversal.uom(), replyTo));
    }
    return CompletableFuture.completedFuture(Done.getInstance());
  }

  private CompletionStage<Done> send(String lot, String order, String what,
      Function<ActorRef<CommandReply>, ProductionOrderCommand> command) {
    String orderEntityId = new OrderKey(LotKey.parse(lot).plant(), order).entityId();
    return fanOut.send(what + " into " + lot, List.of(
        new Target<>(ProductionOrder.ENTITY_TYPE_KEY, orderEntityId, command)));
  }

  /** A reversed receipt's moves are the receipt negated: what it takes out of the lot. */
  private static BigDecimal takenBack(MovementReversed reversal) {
    return reversal.moves().stream().map(StockMove::delta).reduce(BigDecimal.ZERO, BigDecimal::add).negate();
  }
}
