package io.plantsync.projections.outbound.events;

import io.plantsync.aggregates.common.KeyFormat;
import io.plantsync.aggregates.common.ObjectKey;
import io.plantsync.aggregates.inventorylot.InventoryLot;
import io.plantsync.aggregates.inventorylot.LotKey;
import io.plantsync.aggregates.productionorder.OrderKey;
import io.plantsync.aggregates.productionorder.ProductionOrder;
import io.plantsync.aggregates.qualityhold.HoldKey;
import io.plantsync.aggregates.qualityhold.QualityHold;

/**
 * A business object type as the public contract names it, with the key its entity id is made of;
 * the events' key fields are the key's own ({@code plant}+{@code order}, {@code plant}+{@code
 * material}+{@code batch}, {@code plant}+{@code hold}).
 */
enum PublicObject {
  PRODUCTION_ORDER(ProductionOrder.ENTITY_TYPE_KEY.name(), OrderKey.FORMAT),
  INVENTORY_LOT(InventoryLot.ENTITY_TYPE_KEY.name(), LotKey.FORMAT),
  QUALITY_HOLD(QualityHold.ENTITY_TYPE_KEY.name(), HoldKey.FORMAT);

  final String entityTypeName;
  private final KeyFormat<?> key;

  PublicObject(String entityTypeName, KeyFormat<?> key) {
    this.entityTypeName = entityTypeName;
    this.key = key;
  }

  static PublicObject ofEntityType(String entityTypeName) {
    for (PublicObject object : values()) {
      if (object.entityTypeName.equals(entityTypeName)) return object;
    }
    throw new IllegalArgumentException("no public contract for entity type " + entityTypeName);
  }

  /** {@code plant} and the object's own keys, from its entity id. */
  PublicData keys(String entityId) {
    return keyFields(entityId, 0);
  }

  /** The keys of an object another one refers to, without the plant (always the referrer's). */
  PublicData keysAfterPlant(String entityId) {
    return keyFields(entityId, 1);
  }

  private PublicData keyFields(String entityId, int from) {
    ObjectKey parsed = key.parse(entityId);
    PublicData fields = PublicData.fields();
    for (int i = from; i < key.fields().size(); i++) fields.text(key.fields().get(i), parsed.values().get(i));
    return fields;
  }
}
