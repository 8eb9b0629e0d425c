package io.plantsync.aggregates.productionorder;

import io.plantsync.aggregates.common.KeyFormat;
import io.plantsync.aggregates.common.ObjectKey;
import java.util.List;

/** A production order's key; entity id {@code plant/order}. */
public record OrderKey(String plant, String order) implements ObjectKey {

  public static final KeyFormat<OrderKey> FORMAT =
      new KeyFormat<>("production order", List.of("plant", "order"), v -> new OrderKey(v.get(0), v.get(1)));

  public OrderKey {
    FORMAT.check(plant, order);
  }

  public static OrderKey parse(String entityId) {
    return FORMAT.parse(entityId);
  }

  @Override
  public List<String> values() {
    return List.of(plant, order);
  }
}
