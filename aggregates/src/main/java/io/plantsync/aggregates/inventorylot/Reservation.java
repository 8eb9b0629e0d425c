package io.plantsync.aggregates.inventorylot;

import io.plantsync.aggregates.CborSerializable;
import io.plantsync.aggregates.common.Quantities;
import java.math.BigDecimal;

/** Unrestricted stock of a lot promised to a production order; it lowers the lot's ATP. */
public record Reservation(BigDecimal quantity, String order) implements CborSerializable {

  public Reservation {
    quantity = Quantities.normalised(quantity);
  }
}
