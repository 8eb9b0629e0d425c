package io.plantsync.projections.outbound.events;

import static io.plantsync.projections.outbound.events.PublicEventTypes.*;

import io.plantsync.aggregates.qualityhold.HoldStatus;
import io.plantsync.aggregates.qualityhold.LotRef;
import io.plantsync.aggregates.qualityhold.QualityHoldEvent;
import io.plantsync.aggregates.qualityhold.QualityHoldEvent.HoldExtended;
import io.plantsync.aggregates.qualityhold.QualityHoldEvent.HoldPlaced;
import io.plantsync.aggregates.qualityhold.QualityHoldEvent.HoldReleased;

/** The public type and data fields of each quality hold event (keys and cause are added by the mapper). */
final class QualityHoldEvents {
  private QualityHoldEvents() {}

  static EventBody map(QualityHoldEvent event) {
    if (event instanceof HoldPlaced e) {
      return new EventBody(HOLD_PLACED, PublicData.fields()
          .text("reason", e.reason())
          .objects("lots", e.lots(), QualityHoldEvents::lot)
          .texts("orders", e.orders())
          .name("status", HoldStatus.PLACED));
    }
    if (event instanceof HoldExtended e) {
      return new EventBody(HOLD_EXTENDED, PublicData.fields()
          .objects("addedLots", e.addedLots(), QualityHoldEvents::lot)
          .texts("addedOrders", e.addedOrders()));
    }
    if (event instanceof HoldReleased e) {
      return new EventBody(HOLD_RELEASED, PublicData.fields()
          .name("decision", e.decision())
          .text("note", e.note())
          .objects("lots", e.lots(), QualityHoldEvents::lot)
          .texts("orders", e.orders())
          .name("status", HoldStatus.RELEASED));
    }
    throw new IllegalArgumentException("no public contract for " + event.getClass().getName());
  }

  private static PublicData lot(LotRef lot) {
    return PublicData.fields().text("material", lot.material()).text("batch", lot.batch());
  }
}
