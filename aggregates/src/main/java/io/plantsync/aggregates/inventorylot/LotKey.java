package io.plantsync.aggregates.inventorylot;

import io.plantsync.aggregates.common.KeyFormat;
import io.plantsync.aggregates.common.ObjectKey;
import java.util.List;

/** An inventory lot's key; entity id {@code plant/material/batch}. */
public record LotKey(String plant, String material, String batch) implements ObjectKey {

  public static final KeyFormat<LotKey> FORMAT = new KeyFormat<>("inventory lot",
      List.of("plant", "material", "batch"), v -> new LotKey(v.get(0), v.get(1), v.get(2)));

  public LotKey {
    FORMAT.check(plant, material, batch);
  }

  public static LotKey parse(String entityId) {
    return FORMAT.parse(entityId);
  }

  @Override
  public List<String> values() {
    return List.of(plant, material, batch);
  }
}
