package io.plantsync.aggregates.productionorder;

import io.plantsync.aggregates.common.Quantities;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the data of an order command must meet whatever the order's status: quantities with a sign
 * that makes sense and a schedule that does not end before it starts. Each answer is the one message
 * of its rule; the order refuses the command with {@code invalid-request} and that message.
 */
final class OrderDataRules {
  private OrderDataRules() {}

  /** An order is planned for a quantity greater than zero, and ends no earlier than it starts. */
  static Optional<String> header(OrderHeader header) {
    if (!Quantities.positive(header.quantity())) return Optional.of("quantity must be > 0");
    return notBefore("scheduledEnd", header.scheduledEnd(), "scheduledStart", header.scheduledStart());
  }

  /** Every component of the bill of material is consumed in a quantity greater than zero. */
  static Optional<String> components(List<Component> components) {
    return components.stream().filter(component -> !Quantities.positive(component.quantity())).findFirst()
        .map(component -> "component " + component.material() + ": quantity must be > 0");
  }

  /** A confirmation reports what was made and scrapped: none is fine, less than none is not. */
  static Optional<String> confirmation(BigDecimal yield, BigDecimal scrap) {
    if (yield.signum() < 0) return Optional.of("yield must be >= 0");
    if (scrap.signum() < 0) return Optional.of("scrap must be >= 0");
    return Optional.empty();
  }

  /** {@code end} is not before {@code start}; either may be absent (then there is nothing to compare). */
  static Optional<String> notBefore(String endName, Instant end, String startName, Instant start) {
    return start != null && end != null && end.isBefore(start)
        ? Optional.of(endName + " " + end + " must not be before " + startName + " " + start)
        : Optional.empty();
  }
}
