package io.plantsync.projections.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects the lots of at most {@code limit} materials from lots read in material order, so that a
 * page of positions never splits a material's lots.
 */
final class PositionPage {

  private final int limit;
  private final List<InventoryLotRow> lots = new ArrayList<>();
  private int materials;
  private boolean more;

  PositionPage(int limit) {
    this.limit = limit;
  }

  /** Takes the lot; false (and the lot is not taken) once it belongs to material number limit + 1. */
  boolean add(InventoryLotRow lot) {
    boolean newMaterial = lots.isEmpty() || !lots.get(lots.size() - 1).material().equals(lot.material());
    if (newMaterial && materials == limit) {
      more = true;
      return false;
    }
    if (newMaterial) materials++;
    lots.add(lot);
    return true;
  }

  List<InventoryLotRow> lots() {
    return List.copyOf(lots);
  }

  /** The last material taken, when lots of further materials exist: where the next page starts after. */
  Optional<String> lastMaterialIfMore() {
    return more ? Optional.of(lots.get(lots.size() - 1).material()) : Optional.empty();
  }
}
