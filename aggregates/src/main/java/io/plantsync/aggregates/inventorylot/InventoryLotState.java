package io.plantsync.aggregates.inventorylot;

import static io.plantsync.aggregates.common.Decision.persist;
import static io.plantsync.aggregates.common.Decision.reject;
import static io.plantsync.aggregates.common.ErrorCode.*;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.plantsync.aggregates.CborSerializable;
import io.plantsync.aggregates.common.Bookkeeping;
import io.plantsync.aggregates.common.CommandGate;
import io.plantsync.aggregates.common.Decision;
import io.plantsync.aggregates.common.EventMeta;
import io.plantsync.aggregates.common.GovernedState;
import io.plantsync.aggregates.common.PersistentMap;
import io.plantsync.aggregates.common.Quantities;
import io.plantsync.aggregates.common.UsageDecision;
import io.plantsync.aggregates.inventorylot.InventoryLotCommand.*;
import io.plantsync.aggregates.inventorylot.InventoryLotEvent.*;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The authoritative state of one inventory lot (plant + material + batch).
 *
 * <p>{@code uom} is null until the first goods receipt. A quality hold may name a lot before that
 * receipt: the lot then exists as "held, no stock" so that reads show the hold and the receipt
 * arrives already held. Stock commands other than receive still need a receipt (unknown-object):
 * there is nothing to move, and a count must not create stock without a base unit.
 *
 * <p>The {@code decide*} methods validate; {@link #changedBy} never does and never fails.
 */
public record InventoryLotState(
    String plant,
    String material,
    String batch,
    String uom,
    Stock stock,
    Map<String, Reservation> reservations,
    PersistentMap<PostedMovement> movements,
    Set<String> holds,
    @JsonUnwrapped Bookkeeping bookkeeping)
    implements CborSerializable, GovernedState<InventoryLotState, InventoryLotEvent> {

  public InventoryLotState {
    reservations = Map.copyOf(reservations);
    movements = movements == null ? PersistentMap.empty() : movements;
    holds = Set.copyOf(holds);
  }

  public static InventoryLotState empty(String plant, String material, String batch) {
    return new InventoryLotState(plant, material, batch, null, Stock.EMPTY, Map.of(), PersistentMap.empty(), Set.of(),
        Bookkeeping.NONE);
  }

  // ---- reads ----

  /** Received at least once, or named by a quality hold that is still open. */
  public boolean exists() {
    return received() || held();
  }

  /** Has had a goods receipt, so it has a base unit. */
  public boolean received() {
    return uom != null;
  }

  public boolean held() {
    return !holds.isEmpty();
  }

  public BigDecimal quantity(String storageLocation, StockType stockType) {
    return stock.quantity(storageLocation, stockType);
  }

  public BigDecimal total(StockType stockType) {
    return stock.total(stockType);
  }

  /** Open reservations. */
  public BigDecimal reserved() {
    return reservations.values().stream().map(Reservation::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /**
   * Available-to-promise: unrestricted stock minus open reservations, 0 while held. Never negative:
   * an issue that names no reservation may take reserved stock (one that names it withdraws from it).
   */
  public BigDecimal atp() {
    if (held()) return BigDecimal.ZERO;
    return Quantities.normalised(total(StockType.UNRESTRICTED).subtract(reserved()).max(BigDecimal.ZERO));
  }

  @Override
  public LotFigures figures() {
    return LotFigures.of(this);
  }

  // ---- decisions ----

  /** The one dispatch from command to rule, used by the entity and by the pure path in tests. */
  public Decision<InventoryLotEvent> decide(GovernedLotCommand cmd, EventMeta meta) {
    if (cmd instanceof Receive c) return decideReceive(c, meta);
    if (cmd instanceof Issue c) return decideIssue(c, meta);
    if (cmd instanceof Transfer c) return decideTransfer(c, meta);
    if (cmd instanceof ChangeStockType c) return decideChangeStockType(c, meta);
    if (cmd instanceof Scrap c) return decideScrap(c, meta);
    if (cmd instanceof Reverse c) return decideReverse(c, meta);
    if (cmd instanceof Count c) return decideCount(c, meta);
    if (cmd instanceof Reserve c) return decideReserve(c, meta);
    if (cmd instanceof ReleaseReservation c) return decideReleaseReservation(c, meta);
    if (cmd instanceof PlaceOnHold c) return persist(new LotPlacedOnHold(meta, c.hold()));
    if (cmd instanceof ReleaseFromHold c) return decideReleaseFromHold(c, meta);
    throw new IllegalArgumentException("unhandled command " + cmd.getClass().getName());
  }

  private Decision<InventoryLotEvent> decideReceive(Receive cmd, EventMeta meta) {
    if (!Quantities.positive(cmd.quantity())) return notPositive("quantity");
    if (received() && !uom.equals(cmd.uom())) {
      return reject(UOM_MISMATCH, "lot " + id() + " is kept in " + uom + "; received " + cmd.uom());
    }
    return persist(new GoodsReceived(meta, cmd.movementId(), MovementType.GOODS_RECEIPT, cmd.quantity(),
        cmd.uom(), cmd.storageLocation(), cmd.stockType(), cmd.order()));
  }

  private Decision<InventoryLotEvent> decideIssue(Issue cmd, EventMeta meta) {
    if (!Quantities.positive(cmd.quantity())) return notPositive("quantity");
    if (!received()) return unknownLot();
    if (held()) return onHold(cmd.type());
    if (cmd.reservationId() == null) {
      if (cmd.finalIssue()) return reject(INVALID_REQUEST, "finalIssue closes a reservation: it needs a reservationId");
      return postIfCovered(new GoodsIssued(meta, cmd.movementId(), MovementType.issue(cmd.order()),
          cmd.quantity(), uom, cmd.storageLocation(), cmd.order(), null));
    }
    return decideIssueAgainstReservation(cmd, meta);
  }

  /**
   * An issue naming a reservation withdraws from it, for the reservation's order. Without
   * {@code finalIssue} it may not withdraw more than is open (that would silently take stock
   * promised to nobody); a final issue closes the reservation whatever remains, and may issue more.
   */
  private Decision<InventoryLotEvent> decideIssueAgainstReservation(Issue cmd, EventMeta meta) {
    Reservation reservation = reservations.get(cmd.reservationId());
    if (reservation == null) {
      return reject(INVALID_TRANSITION, "lot " + id() + " has no open reservation " + cmd.reservationId());
    }
    if (cmd.order() != null && reservation.order() != null && !cmd.order().equals(reservation.order())) {
      return reject(INVALID_REQUEST, "reservation " + cmd.reservationId() + " is for order " + reservation.order()
          + ", not " + cmd.order());
    }
    BigDecimal open = reservation.quantity();
    if (!cmd.finalIssue() && cmd.quantity().compareTo(open) > 0) {
      return reject(RESERVATION_EXCEEDED, "cannot issue " + cmd.quantity().toPlainString() + " " + uom
          + " against reservation " + cmd.reservationId() + ": its open quantity is " + open.toPlainString()
          + "; a final issue (finalIssue true) may issue more and closes it");
    }
    BigDecimal openAfter = cmd.finalIssue() ? BigDecimal.ZERO : open.subtract(cmd.quantity());
    var withdrawal =
        new ReservationChange(cmd.reservationId(), reservation.order(), openAfter.subtract(open), openAfter);
    String order = cmd.order() != null ? cmd.order() : reservation.order();
    return postIfCovered(new GoodsIssued(meta, cmd.movementId(), MovementType.issue(order), cmd.quantity(), uom,
        cmd.storageLocation(), order, withdrawal));
  }

  private Decision<InventoryLotEvent> decideTransfer(Transfer cmd, EventMeta meta) {
    if (!Quantities.positive(cmd.quantity())) return notPositive("quantity");
    if (cmd.fromStorageLocation().equals(cmd.toStorageLocation())) {
      return reject(INVALID_REQUEST, "toStorageLocation must differ from fromStorageLocation (both are "
          + cmd.fromStorageLocation() + "): a transfer moves stock between two storage locations");
    }
    if (!received()) return unknownLot();
    if (held()) return onHold(cmd.type());
    return postIfCovered(new StockTransferred(meta, cmd.movementId(), MovementType.TRANSFER_BETWEEN_LOCATIONS,
        cmd.quantity(), uom, cmd.fromStorageLocation(), cmd.toStorageLocation()));
  }

  private Decision<InventoryLotEvent> decideChangeStockType(ChangeStockType cmd, EventMeta meta) {
    if (!Quantities.positive(cmd.quantity())) return notPositive("quantity");
    if (cmd.from() == cmd.to()) {
      return reject(INVALID_REQUEST, "to must differ from from (both are " + cmd.from()
          + "): a stock type change moves stock between two stock types");
    }
    if (!received()) return unknownLot();
    return postIfCovered(new StockTypeChanged(meta, cmd.movementId(), MovementType.stockTypeChange(cmd.from(), cmd.to()),
        cmd.quantity(), uom, cmd.storageLocation(), cmd.from(), cmd.to()));
  }

  private Decision<InventoryLotEvent> decideScrap(Scrap cmd, EventMeta meta) {
    if (!Quantities.positive(cmd.quantity())) return notPositive("quantity");
    if (!received()) return unknownLot();
    return postIfCovered(new StockScrapped(meta, cmd.movementId(), MovementType.scrap(cmd.stockType()), cmd.quantity(),
        uom, cmd.storageLocation(), cmd.stockType()));
  }

  /**
   * Undo exactly one earlier movement. Only movements posted under a movementId can be reversed,
   * once, and not a reversal itself (post the movement again instead): otherwise the reversal
   * chain would be ambiguous for the ERP that mirrors it.
   */
  private Decision<InventoryLotEvent> decideReverse(Reverse cmd, EventMeta meta) {
    if (!received()) return unknownLot();
    String reversedId = cmd.reversedMovementId();
    PostedMovement original = movements.get(reversedId);
    if (original == null) {
      return reject(INVALID_TRANSITION, "lot " + id() + " has no goods movement " + reversedId
          + " to reverse (counts and usage-decision postings are not reversible)");
    }
    if (original.reversedBy() != null) {
      return reject(INVALID_TRANSITION,
          "movement " + reversedId + " was already reversed by movement " + original.reversedBy());
    }
    MovementType reversalType = original.movementType().reversal();
    if (original.reversalOf() != null || reversalType == null) {
      return reject(INVALID_TRANSITION, "movement " + reversedId + " (" + original.movementType().code()
          + ") is itself a reversal and cannot be reversed; post the movement again instead");
    }
    return postIfCovered(new MovementReversed(meta, cmd.movementId(), reversalType, reversedId,
        original.movementType(), original.undoingMoves(), uom, original.order(), givenBack(original)));
  }

  /**
   * What reversing {@code original} gives back to the reservation it withdrew from: all it withdrew,
   * to the open reservation or to the one this very issue closed (nothing else can have happened
   * to a closed reservation, so the reversal restores it as it was). Nothing when the reservation
   * was released, or closed by a later issue, since: that was a decision of its own, which a
   * reversal of an earlier issue does not undo.
   */
  private ReservationChange givenBack(PostedMovement original) {
    ReservationChange withdrawal = original.reservation();
    if (withdrawal == null) return null;
    Reservation open = reservations.get(withdrawal.reservationId());
    if (open == null && !withdrawal.closes()) return null;
    return withdrawal.givenBack(open == null ? BigDecimal.ZERO : open.quantity());
  }

  private Decision<InventoryLotEvent> decideCount(Count cmd, EventMeta meta) {
    if (cmd.countedQuantity() == null || cmd.countedQuantity().signum() < 0) {
      return reject(INVALID_REQUEST, "countedQuantity must be >= 0");
    }
    if (!received()) return unknownLot();
    BigDecimal book = quantity(cmd.storageLocation(), cmd.stockType());
    BigDecimal difference = cmd.countedQuantity().subtract(book);
    MovementType type = MovementType.inventoryDifference(cmd.stockType(), difference.signum());
    return persist(new StockCounted(meta, cmd.countId(), type, uom, cmd.storageLocation(), cmd.stockType(), book,
        cmd.countedQuantity(), difference));
  }

  private Decision<InventoryLotEvent> decideReserve(Reserve cmd, EventMeta meta) {
    if (!Quantities.positive(cmd.quantity())) return notPositive("quantity");
    if (!received()) return unknownLot();
    if (held()) return onHold(cmd.type());
    if (cmd.quantity().compareTo(atp()) > 0) {
      return reject(INSUFFICIENT_STOCK, "cannot reserve " + cmd.quantity().toPlainString() + " " + uom
          + ": available-to-promise is " + atp().toPlainString());
    }
    return persist(new StockReserved(meta, cmd.reservationId(), cmd.quantity(), uom, cmd.order()));
  }

  private Decision<InventoryLotEvent> decideReleaseReservation(ReleaseReservation cmd, EventMeta meta) {
    if (!received()) return unknownLot();
    Reservation reservation = reservations.get(cmd.reservationId());
    if (reservation == null) {
      return reject(INVALID_TRANSITION, "lot " + id() + " has no open reservation " + cmd.reservationId());
    }
    return persist(new ReservationReleased(meta, cmd.reservationId(), reservation.quantity(), uom, reservation.order()));
  }

  /**
   * Lifting a hold the lot does not have is refused (invalid-transition), not ignored: it means the
   * orchestration delivered the release before the placement, and saying so lets it retry in order
   * rather than leave the lot held for ever.
   */
  private Decision<InventoryLotEvent> decideReleaseFromHold(ReleaseFromHold cmd, EventMeta meta) {
    if (!holds.contains(cmd.hold())) {
      return reject(INVALID_TRANSITION, "lot " + id() + " is not held by quality hold " + cmd.hold()
          + (held() ? "; it is held by " + new TreeSet<>(holds) : ""));
    }
    List<TransferToBlocked> postings = cmd.decision() != UsageDecision.REJECT ? List.of()
        : stock.buckets().stream()
            .filter(bucket -> bucket.stockType() != StockType.BLOCKED)
            .map(TransferToBlocked::allOf)
            .toList();
    return persist(new LotReleasedFromHold(meta, cmd.hold(), cmd.decision(), postings, uom));
  }

  /** The movement if the stock covers it, else insufficient-stock: no bucket ever goes negative. */
  private Decision<InventoryLotEvent> postIfCovered(GoodsMovement movement) {
    return stock.shortfall(movement.moves())
        .<Decision<InventoryLotEvent>>map(shortfall -> reject(INSUFFICIENT_STOCK, shortfall.describe()))
        .orElseGet(() -> persist(movement));
  }

  private String id() {
    return new LotKey(plant, material, batch).entityId();
  }

  private Decision<InventoryLotEvent> unknownLot() {
    String detail = "inventory lot " + id() + " does not exist";
    if (held()) detail += ": quality hold(s) " + new TreeSet<>(holds) + " name it, but it has had no goods receipt yet";
    return reject(UNKNOWN_OBJECT, detail);
  }

  private Decision<InventoryLotEvent> onHold(String commandType) {
    return reject(OBJECT_ON_HOLD,
        commandType + " is blocked while lot " + id() + " is under quality hold(s) " + new TreeSet<>(holds));
  }

  private static Decision<InventoryLotEvent> notPositive(String field) {
    return reject(INVALID_REQUEST, field + " must be > 0");
  }

  // ---- event handling: no validation, never fails ----

  @Override
  public InventoryLotState changedBy(InventoryLotEvent event) {
    if (event instanceof GoodsMovement movement) return moved(movement);
    if (event instanceof StockReserved e) {
      Map<String, Reservation> open = new HashMap<>(reservations);
      open.put(e.reservationId(), new Reservation(e.quantity(), e.order()));
      return withReservations(open);
    }
    if (event instanceof ReservationReleased e) {
      Map<String, Reservation> open = new HashMap<>(reservations);
      open.remove(e.reservationId());
      return withReservations(open);
    }
    if (event instanceof LotPlacedOnHold e) {
      Set<String> held = new HashSet<>(holds);
      held.add(e.hold());
      return withHolds(held);
    }
    throw GovernedState.unknownEvent(event);
  }

  /**
   * Stock first, then what else the movement is: a material document (reversible, perhaps against a
   * reservation), a first receipt (sets the unit), a hold lifted.
   */
  private InventoryLotState moved(GoodsMovement movement) {
    InventoryLotState next = withStock(stock.plus(movement.moves()));
    if (movement instanceof MaterialDocument document) {
      next = next.withMovements(movementsAfter(document));
      if (document.reservation() != null) next = next.withReservations(reservationsAfter(document.reservation()));
    }
    if (movement instanceof GoodsReceived e && uom == null) next = next.withUom(e.uom());
    if (movement instanceof LotReleasedFromHold e) {
      Set<String> held = new HashSet<>(holds);
      held.remove(e.hold());
      next = next.withHolds(held);
    }
    return next;
  }

  private Map<String, Reservation> reservationsAfter(ReservationChange change) {
    Map<String, Reservation> open = new HashMap<>(reservations);
    if (change.closes()) {
      open.remove(change.reservationId());
    } else {
      open.put(change.reservationId(), new Reservation(change.openQuantity(), change.order()));
    }
    return open;
  }

  private PersistentMap<PostedMovement> movementsAfter(MaterialDocument document) {
    String reversalOf = document instanceof MovementReversed reversal ? reversal.reversedMovementId() : null;
    PersistentMap<PostedMovement> posted = movements.with(document.movementId(),
        new PostedMovement(document.movementType(), document.moves(), document.order(), reversalOf, null,
            document.reservation()));
    PostedMovement original = reversalOf == null ? null : posted.get(reversalOf);
    return original == null ? posted : posted.with(reversalOf, original.reversedBy(document.movementId()));
  }

  private InventoryLotState withStock(Stock newStock) {
    return new InventoryLotState(plant, material, batch, uom, newStock, reservations, movements, holds,
        bookkeeping);
  }

  private InventoryLotState withMovements(PersistentMap<PostedMovement> newMovements) {
    return new InventoryLotState(plant, material, batch, uom, stock, reservations, newMovements, holds,
        bookkeeping);
  }

  private InventoryLotState withUom(String newUom) {
    return new InventoryLotState(plant, material, batch, newUom, stock, reservations, movements, holds,
        bookkeeping);
  }

  private InventoryLotState withReservations(Map<String, Reservation> newReservations) {
    return new InventoryLotState(plant, material, batch, uom, stock, newReservations, movements, holds,
        bookkeeping);
  }

  private InventoryLotState withHolds(Set<String> newHolds) {
    return new InventoryLotState(plant, material, batch, uom, stock, reservations, movements, newHolds,
        bookkeeping);
  }

  @Override
  public InventoryLotState with(Bookkeeping newBookkeeping) {
    return new InventoryLotState(plant, material, batch, uom, stock, reservations, movements, holds, newBookkeeping);
  }
}
