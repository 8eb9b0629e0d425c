package io.plantsync.aggregates.qualityhold;

import io.plantsync.aggregates.CborSerializable;
import io.plantsync.aggregates.inventorylot.LotKey;

/** An inventory lot a hold covers, by material and batch; the plant is always the hold's own. */
public record LotRef(String material, String batch) implements CborSerializable {

  /** The inventory-lot entity id of this lot in {@code plant}: {@code plant/material/batch}. */
  public String entityIdIn(String plant) {
    return new LotKey(plant, material, batch).entityId();
  }
}
