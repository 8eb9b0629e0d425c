package io.plantsync.aggregates.inventorylot;

import io.plantsync.aggregates.CborSerializable;
import io.plantsync.aggregates.common.Quantities;
import java.math.BigDecimal;

/**
 * What a goods movement did to one reservation of the lot: its open quantity changed by
 * {@code change} to {@code openQuantity}. An issue naming the reservation withdraws (negative
 * change); reversing that issue gives the withdrawal back (positive change). An open quantity of 0
 * means the reservation is closed: fully withdrawn, or closed by a final issue.
 */
public record ReservationChange(String reservationId, String order, BigDecimal change, BigDecimal openQuantity)
    implements CborSerializable {

  public ReservationChange {
    change = Quantities.normalised(change);
    openQuantity = Quantities.normalised(openQuantity);
  }

  public boolean closes() {
    return openQuantity.signum() == 0;
  }

  /** The change that gives this one back, to a reservation now open with {@code openNow}. */
  ReservationChange givenBack(BigDecimal openNow) {
    return new ReservationChange(reservationId, order, change.negate(), openNow.subtract(change));
  }
}
