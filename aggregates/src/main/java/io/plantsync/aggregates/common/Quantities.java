package io.plantsync.aggregates.common;

import java.math.BigDecimal;

/**
 * One canonical form for every quantity PlantSync keeps, reads or sends. BigDecimal's equals()
 * compares scale too (5.0 != 5.00), so records normalise their quantities on construction: a state
 * rebuilt from its events, or read back from a snapshot, is then equal to the one that wrote them,
 * and the same quantity reads the same in every answer and public event.
 */
public final class Quantities {
  private Quantities() {}

  /** Without trailing zeros and never in exponent form (10, not 1E+1; 2.5, not 2.500); null stays null. */
  public static BigDecimal normalised(BigDecimal quantity) {
    if (quantity == null) return null;
    BigDecimal stripped = quantity.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  public static boolean positive(BigDecimal quantity) {
    return quantity != null && quantity.signum() > 0;
  }
}
