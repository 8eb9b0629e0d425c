package io.plantsync.projections.orchestration;

import io.plantsync.aggregates.common.Origin;
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
 * objects remember the hold number (the business key of placing and of lifting it), so a replay after
 * a crash, or a command the QMS's answer already delivered, changes nothing.
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
      released.lots().forEach(lot -> targets.add(HoldTargets.releaseLot(origin, plant, hold, released.decision(), lot)));
      released.orders().forEach(order -> targets.add(HoldTargets.releaseOrder(origin, plant, hold, order)));
    }
    if (targets.isEmpty()) return CompletableFuture.completedFuture(Done.getInstance());
    return fanOut.send("quality hold " + holdEntityId + " event " + envelope.sequenceNr(), targets);
  }

  private static List<Target<?>> placeOnHold(Origin origin, String plant, String hold, List<LotRef> lots,
      List<String> orders) {
    List<Target<?>> targets = new ArrayList<>();
    lots.forEach(lot -> targets.add(HoldTargets.placeOnLot(origin, plant, hold, lot)));
    orders.forEach(order -> targets.add(HoldTargets.placeOnOrder(origin, plant, hold, order)));
    return targets;
  }
}
