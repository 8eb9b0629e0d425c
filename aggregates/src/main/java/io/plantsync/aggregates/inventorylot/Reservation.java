package io.plantsync.aggregates.inventorylot;

import io.plantsync.aggregates.CborSerializable;
import io.plantsync.aggregates.common.Quantities;
import java.math.BigDecimal;

/**
 * Unrestricted stock of a lot promised to a production order; it lowers the lot's ATP.
 * {@code quantity} is what is still open: issues naming the reservation withdraw from it.
 */
public record Reservation(BigDecimal quantity, String order) implements CborSerializable {

  public Reservation {
    quantity = Quantities.normalised(quantity);
  }
}
