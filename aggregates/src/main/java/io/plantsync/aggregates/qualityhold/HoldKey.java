package io.plantsync.aggregates.qualityhold;

import io.plantsync.aggregates.common.KeyFormat;
import io.plantsync.aggregates.common.ObjectKey;
import java.util.List;

/** A quality hold's key (the QMS notification number in its plant); entity id {@code plant/hold}. */
public record HoldKey(String plant, String hold) implements ObjectKey {

  public static final KeyFormat<HoldKey> FORMAT =
      new KeyFormat<>("quality hold", List.of("plant", "hold"), v -> new HoldKey(v.get(0), v.get(1)));

  public HoldKey {
    FORMAT.check(plant, hold);
  }

  public static HoldKey parse(String entityId) {
    return FORMAT.parse(entityId);
  }

  @Override
  public List<String> values() {
    return List.of(plant, hold);
  }
}
