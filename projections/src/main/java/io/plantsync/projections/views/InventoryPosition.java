package io.plantsync.projections.views;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stock of one material in one plant, summed over its lots: the item of
 * {@code GET /v1/views/inventory-positions}. {@code heldQuantity} is all stock (any type) of the
 * lots under a quality hold; {@code atp} counts held lots as 0, as each lot's own ATP does.
 * Quantities in different units are never added: a material kept in two units has two positions.
 */
public record InventoryPosition(
    String plant,
    String material,
    String uom,
    BigDecimal unrestricted,
    BigDecimal quality,
    BigDecimal blocked,
    BigDecimal reserved,
    BigDecimal heldQuantity,
    BigDecimal atp,
    int lots,
    Instant lastChangedAt) {

  private record Key(String plant, String material, String uom) {}

  private static final Comparator<Key> ORDER =
      Comparator.comparing(Key::plant).thenComparing(Key::material).thenComparing(Key::uom);

  /** One position per plant, material and unit, ordered by material then unit. */
  public static List<InventoryPosition> sum(List<InventoryLotRow> lots) {
    Map<Key, InventoryPosition> positions = new TreeMap<>(ORDER);
    for (InventoryLotRow lot : lots) {
      positions.merge(new Key(lot.plant(), lot.material(), lot.uom()), of(lot), InventoryPosition::plus);
    }
    return new ArrayList<>(positions.values());
  }

  private static InventoryPosition of(InventoryLotRow lot) {
    return new InventoryPosition(lot.plant(), lot.material(), lot.uom(), lot.unrestricted(), lot.quality(),
        lot.blocked(), lot.reserved(), lot.held() ? lot.stock() : BigDecimal.ZERO, lot.atp(), 1, lot.lastChangedAt());
  }

  private InventoryPosition plus(InventoryPosition other) {
    return new InventoryPosition(plant, material, uom, unrestricted.add(other.unrestricted),
        quality.add(other.quality), blocked.add(other.blocked), reserved.add(other.reserved),
        heldQuantity.add(other.heldQuantity), atp.add(other.atp), lots + other.lots, latest(other.lastChangedAt));
  }

  private Instant latest(Instant other) {
    if (lastChangedAt == null) return other;
    return other == null || lastChangedAt.isAfter(other) ? lastChangedAt : other;
  }
}
