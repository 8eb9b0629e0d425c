package io.plantsync.aggregates.inventorylot;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.plantsync.aggregates.common.EventMeta;
import io.plantsync.aggregates.common.GovernedEvent;
import io.plantsync.aggregates.common.Quantities;
import io.plantsync.aggregates.common.UsageDecision;
import java.math.BigDecimal;
import java.util.List;

/**
 * What happened to an inventory lot. Stock events carry the SAP movement type, the lot's base unit
 * and every bucket they touch, so downstream systems need no lot state. Never rename or remove one
 * of these once data exists: add fields, or add a JacksonMigration.
 */
public sealed interface InventoryLotEvent extends GovernedEvent {

  /**
   * An event that changes stock. {@link #moves} (derived from the event's fields, not persisted
   * twice) is its exact signed effect per bucket: the event handler adds it, a reversal negates it.
   */
  sealed interface GoodsMovement extends InventoryLotEvent {
    List<StockMove> moves();
  }

  /** A goods movement posted under a movementId (material document): it can be reversed. */
  sealed interface MaterialDocument extends GoodsMovement {
    String movementId();

    MovementType movementType();

    /** The production order it was posted for, if any. */
    default String order() {
      return null;
    }

    /** What it did to a reservation of the lot, if anything (an issue naming one, its reversal). */
    default ReservationChange reservation() {
      return null;
    }

    @Override
    default String businessKey() {
      return BusinessKeys.movement(movementId());
    }
  }

  record GoodsReceived(
      EventMeta meta,
      String movementId,
      MovementType movementType,
      BigDecimal quantity,
      String uom,
      String storageLocation,
      StockType stockType,
      String order)
      implements MaterialDocument {
    public GoodsReceived {
      quantity = Quantities.normalised(quantity);
    }

    public List<StockMove> moves() {
      return List.of(StockMove.into(storageLocation, stockType, quantity));
    }
  }

  /**
   * Unrestricted stock issued (261 to an order, 201 otherwise); {@code reservation} is the
   * withdrawal from the reservation the issue named, null if it named none (and in events written
   * before issues could name one).
   */
  record GoodsIssued(
      EventMeta meta,
      String movementId,
      MovementType movementType,
      BigDecimal quantity,
      String uom,
      String storageLocation,
      String order,
      ReservationChange reservation)
      implements MaterialDocument {
    public GoodsIssued {
      quantity = Quantities.normalised(quantity);
    }

    public List<StockMove> moves() {
      return List.of(StockMove.outOf(storageLocation, StockType.UNRESTRICTED, quantity));
    }
  }

  /** Unrestricted stock moved between storage locations (311). */
  record StockTransferred(
      EventMeta meta,
      String movementId,
      MovementType movementType,
      BigDecimal quantity,
      String uom,
      String fromStorageLocation,
      String toStorageLocation)
      implements MaterialDocument {
    public StockTransferred {
      quantity = Quantities.normalised(quantity);
    }

    public List<StockMove> moves() {
      return List.of(StockMove.outOf(fromStorageLocation, StockType.UNRESTRICTED, quantity),
          StockMove.into(toStorageLocation, StockType.UNRESTRICTED, quantity));
    }
  }

  record StockTypeChanged(
      EventMeta meta,
      String movementId,
      MovementType movementType,
      BigDecimal quantity,
      String uom,
      String storageLocation,
      StockType from,
      StockType to)
      implements MaterialDocument {
    public StockTypeChanged {
      quantity = Quantities.normalised(quantity);
    }

    public List<StockMove> moves() {
      return List.of(StockMove.outOf(storageLocation, from, quantity), StockMove.into(storageLocation, to, quantity));
    }
  }

  record StockScrapped(
      EventMeta meta,
      String movementId,
      MovementType movementType,
      BigDecimal quantity,
      String uom,
      String storageLocation,
      StockType stockType)
      implements MaterialDocument {
    public StockScrapped {
      quantity = Quantities.normalised(quantity);
    }

    public List<StockMove> moves() {
      return List.of(StockMove.outOf(storageLocation, stockType, quantity));
    }
  }

  /**
   * Movement {@code reversedMovementId} undone: {@code moves} are its moves negated, {@code order}
   * its order. For a reversed goods receipt (102) with an order, the goods-receipts-to-orders
   * projection (GoodsReceiptsToOrders) sends that order a RecordGoodsReceiptReversal of the quantity
   * the moves take out; the order applies it once (keyed by lot and movementId) as
   * GoodsReceiptReversed, lowering its delivered quantity. {@code reservation} gives back what a
   * reversed issue withdrew from its reservation; null when there is nothing to give back.
   */
  record MovementReversed(
      EventMeta meta,
      String movementId,
      MovementType movementType,
      String reversedMovementId,
      MovementType reversedMovementType,
      List<StockMove> moves,
      String uom,
      String order,
      ReservationChange reservation)
      implements MaterialDocument {
    public MovementReversed {
      moves = List.copyOf(moves);
    }
  }

  /**
   * A physical inventory count of one bucket: {@code difference} = counted - book was posted as
   * the gain or loss of its stock type (701/702 unrestricted, 703/704 quality, 707/708 blocked);
   * {@code movementType} is null when the count matched the book.
   */
  record StockCounted(
      EventMeta meta,
      String countId,
      MovementType movementType,
      String uom,
      String storageLocation,
      StockType stockType,
      BigDecimal bookQuantity,
      BigDecimal countedQuantity,
      BigDecimal difference)
      implements GoodsMovement {
    public StockCounted {
      bookQuantity = Quantities.normalised(bookQuantity);
      countedQuantity = Quantities.normalised(countedQuantity);
      difference = Quantities.normalised(difference);
    }

    public List<StockMove> moves() {
      return difference.signum() == 0 ? List.of() : List.of(new StockMove(storageLocation, stockType, difference));
    }

    @Override
    public String businessKey() {
      return BusinessKeys.count(countId);
    }
  }

  record StockReserved(EventMeta meta, String reservationId, BigDecimal quantity, String uom, String order)
      implements InventoryLotEvent {
    public StockReserved {
      quantity = Quantities.normalised(quantity);
    }

    @Override
    public String businessKey() {
      return BusinessKeys.reservation(reservationId);
    }
  }

  record ReservationReleased(EventMeta meta, String reservationId, BigDecimal quantity, String uom, String order)
      implements InventoryLotEvent {
    public ReservationReleased {
      quantity = Quantities.normalised(quantity);
    }

    @Override
    public String businessKey() {
      return BusinessKeys.reservationRelease(reservationId);
    }
  }

  /** ({@code hold} is stored as {@code holdNumber}, as it always was.) */
  record LotPlacedOnHold(EventMeta meta, @JsonProperty("holdNumber") String hold) implements InventoryLotEvent {
    @Override
    public String businessKey() {
      return BusinessKeys.holdPlaced(hold);
    }
  }

  /**
   * Quality hold {@code hold} (stored as {@code holdNumber}) lifted. On REJECT, {@code postings} moved
   * all UNRESTRICTED and QUALITY stock of every storage location to BLOCKED; on ACCEPT there are none
   * (QM posts 321 itself).
   */
  record LotReleasedFromHold(
      EventMeta meta, @JsonProperty("holdNumber") String hold, UsageDecision decision, List<TransferToBlocked> postings,
      String uom)
      implements GoodsMovement {
    public LotReleasedFromHold {
      postings = List.copyOf(postings);
    }

    public List<StockMove> moves() {
      return postings.stream().flatMap(posting -> posting.moves().stream()).toList();
    }

    @Override
    public String businessKey() {
      return BusinessKeys.holdReleased(hold);
    }
  }
}
