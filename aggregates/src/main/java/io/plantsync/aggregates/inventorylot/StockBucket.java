package io.plantsync.aggregates.inventorylot;

import io.plantsync.aggregates.CborSerializable;
import io.plantsync.aggregates.common.Quantities;
import java.math.BigDecimal;

/** The quantity of a lot in one storage location and stock type, in the lot's base unit. */
public record StockBucket(String storageLocation, StockType stockType, BigDecimal quantity)
    implements CborSerializable {

  public StockBucket {
    quantity = Quantities.normalised(quantity);
  }

  boolean matches(String location, StockType type) {
    return storageLocation.equals(location) && stockType == type;
  }
}
