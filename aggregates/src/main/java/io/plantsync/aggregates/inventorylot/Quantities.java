package io.plantsync.aggregates.inventorylot;

import java.math.BigDecimal;

/**
 * One canonical form for every quantity a lot keeps. BigDecimal's equals() compares scale too
 * (5.0 != 5.00), so records normalise their quantities on construction: a state rebuilt from its
 * events, or read back from a snapshot, is then equal to the one that wrote them.
 */
final class Quantities {
  private Quantities() {}

  /** Without trailing zeros and never in exponent form (10, not 1E+1); null stays null. */
  static BigDecimal normalised(BigDecimal quantity) {
    if (quantity == null) return null;
    BigDecimal stripped = quantity.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  static boolean positive(BigDecimal quantity) {
    return quantity != null && quantity.signum() > 0;
  }
}
