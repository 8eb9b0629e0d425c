package io.plantsync.aggregates.inventorylot;

import io.plantsync.aggregates.CborSerializable;
import io.plantsync.aggregates.common.Quantities;
import java.math.BigDecimal;

/**
 * A signed change of one stock bucket (storage location + stock type). Every goods movement is a
 * list of these; a reversal posts the same list negated, which is why it can undo exactly one
 * movement.
 */
public record StockMove(String storageLocation, StockType stockType, BigDecimal delta)
    implements CborSerializable {

  public StockMove {
    delta = Quantities.normalised(delta);
  }

  static StockMove into(String storageLocation, StockType stockType, BigDecimal quantity) {
    return new StockMove(storageLocation, stockType, quantity);
  }

  static StockMove outOf(String storageLocation, StockType stockType, BigDecimal quantity) {
    return new StockMove(storageLocation, stockType, quantity.negate());
  }

  StockMove negated() {
    return new StockMove(storageLocation, stockType, delta.negate());
  }
}
