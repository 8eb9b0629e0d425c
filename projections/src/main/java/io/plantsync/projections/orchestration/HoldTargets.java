package io.plantsync.projections.orchestration;

import io.plantsync.aggregates.common.Origin;
import io.plantsync.aggregates.common.UsageDecision;
import io.plantsync.aggregates.inventorylot.InventoryLot;
import io.plantsync.aggregates.inventorylot.InventoryLotCommand;
import io.plantsync.aggregates.productionorder.OrderKey;
import io.plantsync.aggregates.productionorder.ProductionOrder;
import io.plantsync.aggregates.productionorder.ProductionOrderCommand;
import io.plantsync.aggregates.qualityhold.LotRef;
import io.plantsync.projections.orchestration.CommandFanOut.Target;

/**
 * The commands that put a quality hold in force on the lots and orders it names, or lift it. Built
 * the same way by {@link HoldPropagation} and by the answer to the QMS (which confirms the hold
 * before it answers), so both send the very same commands with the same messageIds.
 */
public final class HoldTargets {
  private HoldTargets() {}

  public static Target<InventoryLotCommand> placeOnLot(Origin origin, String plant, String hold, LotRef lot) {
    return new Target<>(InventoryLot.ENTITY_TYPE_KEY, lot.entityIdIn(plant),
        replyTo -> new InventoryLotCommand.PlaceOnHold(origin, hold, replyTo));
  }

  public static Target<ProductionOrderCommand> placeOnOrder(Origin origin, String plant, String hold, String order) {
    return new Target<>(ProductionOrder.ENTITY_TYPE_KEY, new OrderKey(plant, order).entityId(),
        replyTo -> new ProductionOrderCommand.PlaceOnHold(origin, hold, replyTo));
  }

  public static Target<InventoryLotCommand> releaseLot(
      Origin origin, String plant, String hold, UsageDecision decision, LotRef lot) {
    return new Target<>(InventoryLot.ENTITY_TYPE_KEY, lot.entityIdIn(plant),
        replyTo -> new InventoryLotCommand.ReleaseFromHold(origin, hold, decision, replyTo));
  }

  public static Target<ProductionOrderCommand> releaseOrder(Origin origin, String plant, String hold, String order) {
    return new Target<>(ProductionOrder.ENTITY_TYPE_KEY, new OrderKey(plant, order).entityId(),
        replyTo -> new ProductionOrderCommand.ReleaseFromHold(origin, hold, replyTo));
  }
}
