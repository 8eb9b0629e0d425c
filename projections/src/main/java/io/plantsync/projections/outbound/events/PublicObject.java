package io.plantsync.projections.outbound.events;

import io.plantsync.aggregates.inventorylot.InventoryLot;
import io.plantsync.aggregates.productionorder.ProductionOrder;
import io.plantsync.aggregates.qualityhold.QualityHold;
import java.util.List;

/**
 * A business object type as the public contract names it, with the keys its entity id is made of
 * ({@code {plant}/{order}}, {@code {plant}/{material}/{batch}}, {@code {plant}/{hold}}).
 */
enum PublicObject {
  PRODUCTION_ORDER(ProductionOrder.ENTITY_TYPE_KEY.name(), List.of("order")),
  INVENTORY_LOT(InventoryLot.ENTITY_TYPE_KEY.name(), List.of("material", "batch")),
  QUALITY_HOLD(QualityHold.ENTITY_TYPE_KEY.name(), List.of("hold"));

  final String entityTypeName;
  private final List<String> keysAfterPlant;

  PublicObject(String entityTypeName, List<String> keysAfterPlant) {
    this.entityTypeName = entityTypeName;
    this.keysAfterPlant = keysAfterPlant;
  }

  static PublicObject ofEntityType(String entityTypeName) {
    for (PublicObject object : values()) {
      if (object.entityTypeName.equals(entityTypeName)) return object;
    }
    throw new IllegalArgumentException("no public contract for entity type " + entityTypeName);
  }

  /** {@code plant} and the object's own keys, split from its entity id (keys never contain '/'). */
  PublicData keys(String entityId) {
    String[] parts = entityId.split("/", -1);
    if (parts.length != keysAfterPlant.size() + 1) {
      throw new IllegalArgumentException(entityTypeName + " entity id " + entityId + " is not plant/"
          + String.join("/", keysAfterPlant));
    }
    PublicData keys = PublicData.fields().text("plant", parts[0]);
    for (int i = 0; i < keysAfterPlant.size(); i++) keys.text(keysAfterPlant.get(i), parts[i + 1]);
    return keys;
  }
}
