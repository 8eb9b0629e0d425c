package io.plantsync.projections.orchestration;

import io.plantsync.aggregates.common.Origin;
import io.plantsync.aggregates.inventorylot.InventoryLot;
import io.plantsync.aggregates.inventorylot.InventoryLotCommand;
import io.plantsync.aggregates.productionorder.OrderKey;
import io.plantsync.aggregates.productionorder.ProductionOrder;
import io.plantsync.aggregates.productionorder.ProductionOrderCommand;
import io.plantsync.aggregates.qualityhold.HoldKey;
import io.plantsync.aggregates.qualityhold.LotRef;
import io.plantsync.aggregates.qualityhold.QualityHoldEvent;
import io.plantsync.aggregates.qualityhold.QualityHoldEvent.HoldExtended;
import io.plantsync.aggregates.qualityhold.QualityHoldEvent.HoldPlaced;
import io.plantsync.aggregates.qualityhold.QualityHoldEvent.HoldReleased;
import io.plantsync.projections.orchestration.CommandFanOut.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.javadsl.Handler;

/**
 * A quality hold reaches every lot and order in its scope: placed or extended holds put them on
 * hold, a release takes them off (a REJECT also moves the lots' stock to BLOCKED, inside the lot).
 * Resumable and idempotent: each command carries an id derived from the hold's event, and the
 * objects remember the hold number, so a replay after a crash changes nothing.
 */
public final class HoldPropagation extends Handler<EventEnvelope<QualityHoldEvent>> {

  public static final String PROJECTION_NAME = "hold-propagation";

  private final CommandFanOut fanOut;

  public HoldPropagation(CommandFanOut fanOut) {
    this.fanOut = fanOut;
  }

  @Override
  public CompletionStage<Done> process(EventEnvelope<QualityHoldEvent> envelope) {
    String holdEntityId = PersistenceId.extractEntityId(envelope.persistenceId());
    HoldKey key = HoldKey.parse(holdEntityId);
    String plant = key.plant();
    String hold = key.hold();
    Origin origin = OrchestrationOrigin.of(envelope);
    QualityHoldEvent event = envelope.event();
    List<Target<?>> targets = new ArrayList<>();
    if (event instanceof HoldPlaced placed) {
      targets.addAll(placeOnHold(origin, plant, hold, placed.lots(), placed.orders()));
    } else if (event instanceof HoldExtended extended) {
      targets.addAll(placeOnHold(origin, plant, hold, extended.addedLots(), extended.addedOrders()));
    } else if (event instanceof HoldReleased released) {
      for (LotRef lot : released.lots()) {
        targets.add(new Target<>(InventoryLot.ENTITY_TYPE_KEY, lot.entityIdIn(plant),
            replyTo -> new InventoryLotCommand.ReleaseFromHold(origin, hold, released.decision(), replyTo)));
      }
      for (String order : released.orders()) {
        targets.add(new Target<>(ProductionOrder.ENTITY_TYPE_KEY, new OrderKey(plant, order).entityId(),
            replyTo -> new ProductionOrderCommand.ReleaseFromHold(origin, hold, replyTo)));
      }
    }
    if (targets.isEmpty()) return CompletableFuture.completedFuture(Done.getInstance());
    return fanOut.send("quality hold " + holdEntityId + " event " + envelope.sequenceNr(), targets);
  }

  private static List<Target<?>> placeOnHold(Origin origin, String plant, String hold, List<LotRef> lots,
      List<String> orders) {
    List<Target<?>> targets = new ArrayList<>();
    for (LotRef lot : lots) {
      targets.add(new Target<>(InventoryLot.ENTITY_TYPE_KEY, lot.entityIdIn(plant),
          replyTo -> new InventoryLotCommand.PlaceOnHold(origin, hold, replyTo)));
    }
    for (String order : orders) {
      targets.add(new Target<>(ProductionOrder.ENTITY_TYPE_KEY, new OrderKey(plant, order).entityId(),
          replyTo -> new ProductionOrderCommand.PlaceOnHold(origin, hold, replyTo)));
    }
    return targets;
  }
}
