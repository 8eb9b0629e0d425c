package io.plantsync.aggregates;

import io.plantsync.aggregates.common.KeyFormat;
import io.plantsync.aggregates.common.ObjectKey;
import io.plantsync.aggregates.inventorylot.InventoryLot;
import io.plantsync.aggregates.inventorylot.LotKey;
import io.plantsync.aggregates.productionorder.OrderKey;
import io.plantsync.aggregates.productionorder.ProductionOrder;
import io.plantsync.aggregates.qualityhold.HoldKey;
import io.plantsync.aggregates.qualityhold.QualityHold;
import java.util.Map;
import org.apache.pekko.persistence.typed.PersistenceId;

/** The key format of each business object type, by the entity type name its persistence ids start with. */
public final class EntityKeys {
  private EntityKeys() {}

  private static final Map<String, KeyFormat<?>> BY_ENTITY_TYPE = Map.of(
      ProductionOrder.ENTITY_TYPE_KEY.name(), OrderKey.FORMAT,
      InventoryLot.ENTITY_TYPE_KEY.name(), LotKey.FORMAT,
      QualityHold.ENTITY_TYPE_KEY.name(), HoldKey.FORMAT);

  public static KeyFormat<?> formatOf(String entityTypeName) {
    KeyFormat<?> format = BY_ENTITY_TYPE.get(entityTypeName);
    if (format == null) throw new IllegalArgumentException("no business object has the entity type " + entityTypeName);
    return format;
  }

  /** The key in a persistence id, {@code <entity type>|<entity id>}. */
  public static ObjectKey ofPersistenceId(String persistenceId) {
    return formatOf(PersistenceId.extractEntityType(persistenceId))
        .parse(PersistenceId.extractEntityId(persistenceId));
  }
}
