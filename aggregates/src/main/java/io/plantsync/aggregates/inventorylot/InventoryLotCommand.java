package io.plantsync.aggregates.inventorylot;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.plantsync.aggregates.CborSerializable;
import io.plantsync.aggregates.common.AdapterCommand;
import io.plantsync.aggregates.common.CommandReply;
import io.plantsync.aggregates.common.GovernedCommand;
import io.plantsync.aggregates.common.OrchestrationCommand;
import io.plantsync.aggregates.common.Origin;
import io.plantsync.aggregates.common.UsageDecision;
import java.math.BigDecimal;
import org.apache.pekko.actor.typed.ActorRef;

/** Everything an inventory lot entity understands. */
public sealed interface InventoryLotCommand extends CborSerializable {

  /** A command that changes the lot: it passes the CommandGate and causes at most one event. */
  sealed interface GovernedLotCommand extends InventoryLotCommand, GovernedCommand {}

  /** Sent by an adapter: checked against the system-of-record matrix. */
  sealed interface LotAdapterCommand extends GovernedLotCommand, AdapterCommand {}

  /** A goods movement under a movementId (material document), unique per lot across all of them. */
  sealed interface MovementCommand extends LotAdapterCommand {
    String movementId();

    @Override
    default String businessKey() {
      return BusinessKeys.movement(movementId());
    }
  }

  /**
   * PlantSync's own orchestration (quality-hold propagation), never reachable over HTTP: not
   * checked against the system-of-record matrix.
   */
  sealed interface LotOrchestrationCommand extends GovernedLotCommand, OrchestrationCommand {}

  /** Goods receipt (101); the first one creates the lot and fixes its base unit. */
  record Receive(
      Origin origin,
      String movementId,
      BigDecimal quantity,
      String uom,
      String storageLocation,
      StockType stockType,
      String order,
      ActorRef<CommandReply> replyTo)
      implements MovementCommand {
    public Receive {
      if (stockType == null) stockType = StockType.UNRESTRICTED;
    }

    public String type() {
      return CommandTypes.RECEIVE;
    }
  }

  /**
   * Goods issue of unrestricted stock, to an order (261) or not (201). With {@code reservationId}
   * it withdraws from that open reservation (and is for the reservation's order): at most its open
   * quantity, unless {@code finalIssue} says this is the reservation's last issue, which closes it
   * whatever remains and may issue more than remains (SAP's final-issue indicator).
   */
  record Issue(
      Origin origin,
      String movementId,
      BigDecimal quantity,
      String storageLocation,
      String order,
      String reservationId,
      boolean finalIssue,
      ActorRef<CommandReply> replyTo)
      implements MovementCommand {
    public String type() {
      return CommandTypes.ISSUE;
    }
  }

  /** Unrestricted stock from one storage location to another (311). */
  record Transfer(
      Origin origin,
      String movementId,
      BigDecimal quantity,
      String fromStorageLocation,
      String toStorageLocation,
      ActorRef<CommandReply> replyTo)
      implements MovementCommand {
    public String type() {
      return CommandTypes.TRANSFER;
    }
  }

  /** Stock of one storage location from one stock type to another (321/322/343/344/349/350). */
  record ChangeStockType(
      Origin origin,
      String movementId,
      BigDecimal quantity,
      String storageLocation,
      StockType from,
      StockType to,
      ActorRef<CommandReply> replyTo)
      implements MovementCommand {
    public String type() {
      return CommandTypes.CHANGE_STOCK_TYPE;
    }
  }

  /** Scrapping out of one stock type: 551 unrestricted, 553 quality inspection, 555 blocked. */
  record Scrap(
      Origin origin,
      String movementId,
      BigDecimal quantity,
      String storageLocation,
      StockType stockType,
      ActorRef<CommandReply> replyTo)
      implements MovementCommand {
    public String type() {
      return CommandTypes.SCRAP;
    }
  }

  /** Undo exactly the movement {@code reversedMovementId} (its type + 1). */
  record Reverse(Origin origin, String movementId, String reversedMovementId, ActorRef<CommandReply> replyTo)
      implements MovementCommand {
    public String type() {
      return CommandTypes.REVERSE;
    }
  }

  /**
   * A physical inventory count of one bucket; the difference is posted by stock type as 701/702
   * (unrestricted), 703/704 (quality inspection) or 707/708 (blocked).
   */
  record Count(
      Origin origin,
      String countId,
      String storageLocation,
      StockType stockType,
      BigDecimal countedQuantity,
      ActorRef<CommandReply> replyTo)
      implements LotAdapterCommand {
    public String type() {
      return CommandTypes.COUNT;
    }

    @Override
    public String businessKey() {
      return BusinessKeys.count(countId);
    }
  }

  /** Promise unrestricted stock to an order; at most the lot's ATP. */
  record Reserve(
      Origin origin, String reservationId, BigDecimal quantity, String order, ActorRef<CommandReply> replyTo)
      implements LotAdapterCommand {
    public String type() {
      return CommandTypes.RESERVE;
    }

    @Override
    public String businessKey() {
      return BusinessKeys.reservation(reservationId);
    }
  }

  record ReleaseReservation(Origin origin, String reservationId, ActorRef<CommandReply> replyTo)
      implements LotAdapterCommand {
    public String type() {
      return CommandTypes.RELEASE_RESERVATION;
    }

    @Override
    public String businessKey() {
      return BusinessKeys.reservationRelease(reservationId);
    }
  }

  /**
   * A quality hold names this lot; works before the lot's first receipt too. ({@code hold} is named
   * {@code holdNumber} on the wire, as it always was: nodes of the previous version send it so.)
   */
  record PlaceOnHold(Origin origin, @JsonProperty("holdNumber") String hold, ActorRef<CommandReply> replyTo)
      implements LotOrchestrationCommand {
    public String type() {
      return CommandTypes.PLACE_ON_HOLD;
    }

    /** Placing a hold the lot already has is a duplicate: the hold number is the business key. */
    @Override
    public String businessKey() {
      return BusinessKeys.holdPlaced(hold);
    }
  }

  /** A quality hold on this lot ended with a usage decision; REJECT blocks all of its stock. */
  record ReleaseFromHold(
      Origin origin, @JsonProperty("holdNumber") String hold, UsageDecision decision, ActorRef<CommandReply> replyTo)
      implements LotOrchestrationCommand {
    public String type() {
      return CommandTypes.RELEASE_FROM_HOLD;
    }

    @Override
    public String businessKey() {
      return BusinessKeys.holdReleased(hold);
    }
  }

  /** Read the authoritative state; answered even if the lot does not exist. */
  record Get(ActorRef<InventoryLotState> replyTo) implements InventoryLotCommand {}
}
