package io.plantsync.aggregates.inventorylot;

import io.plantsync.aggregates.common.CommandReply;
import io.plantsync.aggregates.common.Origin;
import io.plantsync.aggregates.common.UsageDecision;
import io.plantsync.aggregates.governance.AdapterKind;
import io.plantsync.aggregates.inventorylot.InventoryLotCommand.*;
import java.math.BigDecimal;
import org.apache.pekko.actor.typed.ActorRef;

/** Builders for inventory-lot commands as the canonical adapters and the orchestration send them. */
final class LotCommands {
  private LotCommands() {}

  static final String PLANT = "1000";
  static final String MATERIAL = "RM-7";
  static final String BATCH = "B-2026-11";
  static final String LOT = new LotKey(PLANT, MATERIAL, BATCH).entityId();

  static Origin from(AdapterKind kind, String messageId) {
    return new Origin(messageId, kind.name().toLowerCase(), kind, null, null);
  }

  static Origin fromPlantSync(String messageId) {
    return Origin.orchestration(messageId);
  }

  static BigDecimal qty(String quantity) {
    return new BigDecimal(quantity);
  }

  static Receive receive(Origin origin, String movementId, String quantity, String location, ActorRef<CommandReply> r) {
    return receive(origin, movementId, quantity, "KG", location, null, r);
  }

  static Receive receive(Origin origin, String movementId, String quantity, String uom, String location,
      StockType stockType, ActorRef<CommandReply> r) {
    return new Receive(origin, movementId, qty(quantity), uom, location, stockType, null, r);
  }

  static Issue issue(Origin origin, String movementId, String quantity, String location, String order,
      ActorRef<CommandReply> r) {
    return new Issue(origin, movementId, qty(quantity), location, order, null, false, r);
  }

  /** An issue withdrawing from {@code reservationId}; {@code finalIssue} closes it whatever remains. */
  static Issue issueReserved(Origin origin, String movementId, String quantity, String location, String reservationId,
      boolean finalIssue, ActorRef<CommandReply> r) {
    return new Issue(origin, movementId, qty(quantity), location, null, reservationId, finalIssue, r);
  }

  static Transfer transfer(Origin origin, String movementId, String quantity, String from, String to,
      ActorRef<CommandReply> r) {
    return new Transfer(origin, movementId, qty(quantity), from, to, r);
  }

  static ChangeStockType change(Origin origin, String movementId, String quantity, String location,
      StockType from, StockType to, ActorRef<CommandReply> r) {
    return new ChangeStockType(origin, movementId, qty(quantity), location, from, to, r);
  }

  static Scrap scrap(Origin origin, String movementId, String quantity, String location, StockType type,
      ActorRef<CommandReply> r) {
    return new Scrap(origin, movementId, qty(quantity), location, type, r);
  }

  static Count count(Origin origin, String countId, String location, StockType type, String counted,
      ActorRef<CommandReply> r) {
    return new Count(origin, countId, location, type, qty(counted), r);
  }

  static Reverse reverse(Origin origin, String movementId, String reversedMovementId, ActorRef<CommandReply> r) {
    return new Reverse(origin, movementId, reversedMovementId, r);
  }

  static Reserve reserve(Origin origin, String reservationId, String quantity, String order, ActorRef<CommandReply> r) {
    return new Reserve(origin, reservationId, qty(quantity), order, r);
  }

  static ReleaseReservation release(Origin origin, String reservationId, ActorRef<CommandReply> r) {
    return new ReleaseReservation(origin, reservationId, r);
  }

  static PlaceOnHold hold(String messageId, String holdNumber, ActorRef<CommandReply> r) {
    return new PlaceOnHold(fromPlantSync(messageId), holdNumber, r);
  }

  static ReleaseFromHold lift(String messageId, String holdNumber, UsageDecision decision, ActorRef<CommandReply> r) {
    return new ReleaseFromHold(fromPlantSync(messageId), holdNumber, decision, r);
  }
}
