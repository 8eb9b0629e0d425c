package io.plantsync.aggregates.productionorder;

import io.plantsync.aggregates.CborSerializable;
import java.math.BigDecimal;
import java.time.Instant;

/** What is to be made, how much and when: the order fields planning owns. */
public record OrderHeader(
    String material, BigDecimal quantity, String uom, Instant scheduledStart, Instant scheduledEnd)
    implements CborSerializable {

  /** The same order to be made between other dates. */
  OrderHeader rescheduled(Instant start, Instant end) {
    return new OrderHeader(material, quantity, uom, start, end);
  }
}
