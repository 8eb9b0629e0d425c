package io.plantsync.aggregates.qualityhold;

import io.plantsync.aggregates.common.EventMeta;
import io.plantsync.aggregates.common.GovernedEvent;
import io.plantsync.aggregates.common.UsageDecision;
import java.util.List;

/**
 * What happened to a quality hold. Each event names the lots and orders it concerns, so the
 * orchestration that holds and lifts them never has to read the hold's state. Never rename or
 * remove one of these once data exists: add fields, or add a JacksonMigration.
 */
public sealed interface QualityHoldEvent extends GovernedEvent {

  /** The hold is in force for this scope (each entry once, in the order the QMS named them). */
  record HoldPlaced(EventMeta meta, String reason, List<LotRef> lots, List<String> orders)
      implements QualityHoldEvent {
    public HoldPlaced {
      lots = List.copyOf(lots);
      orders = List.copyOf(orders);
    }
  }

  /**
   * The scope grew by exactly these entries. Both lists are empty when the QMS named only entries
   * already in scope: the extend is still recorded, so its messageId is remembered and a retry gets
   * the same answer.
   */
  record HoldExtended(EventMeta meta, List<LotRef> addedLots, List<String> addedOrders)
      implements QualityHoldEvent {
    public HoldExtended {
      addedLots = List.copyOf(addedLots);
      addedOrders = List.copyOf(addedOrders);
    }
  }

  /** The usage decision ended the hold; {@code lots} and {@code orders} are its whole scope then. */
  record HoldReleased(
      EventMeta meta, UsageDecision decision, String note, List<LotRef> lots, List<String> orders)
      implements QualityHoldEvent {
    public HoldReleased {
      lots = List.copyOf(lots);
      orders = List.copyOf(orders);
    }
  }
}
