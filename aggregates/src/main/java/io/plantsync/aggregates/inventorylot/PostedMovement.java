package io.plantsync.aggregates.inventorylot;

import io.plantsync.aggregates.CborSerializable;
import java.util.List;

/**
 * A goods movement the lot posted under a movementId (a material document), kept so that
 * {@code reverse} can undo exactly its {@code moves}. {@code reversalOf} names the movement this one
 * reversed (a reversal is not reversible itself); {@code reversedBy} the movement that reversed this
 * one, if any; {@code reservation} what it did to a reservation (null in snapshots written before
 * issues could name one).
 */
public record PostedMovement(
    MovementType movementType,
    List<StockMove> moves,
    String order,
    String reversalOf,
    String reversedBy,
    ReservationChange reservation)
    implements CborSerializable {

  public PostedMovement {
    moves = List.copyOf(moves);
  }

  PostedMovement reversedBy(String reversingMovementId) {
    return new PostedMovement(movementType, moves, order, reversalOf, reversingMovementId, reservation);
  }

  List<StockMove> undoingMoves() {
    return moves.stream().map(StockMove::negated).toList();
  }
}
