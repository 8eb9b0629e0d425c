package io.plantsync.http.commands;

import io.plantsync.aggregates.common.KeyFormat;
import io.plantsync.aggregates.inventorylot.LotKey;
import io.plantsync.aggregates.productionorder.OrderKey;
import io.plantsync.aggregates.qualityhold.HoldKey;
import java.util.List;

/** The business objects commands target, with the key each {@code target} names. */
public enum ObjectKind {
  PRODUCTION_ORDER("production-order", OrderKey.FORMAT),
  INVENTORY_LOT("inventory-lot", LotKey.FORMAT),
  QUALITY_HOLD("quality-hold", HoldKey.FORMAT);

  private final String typePrefix;
  private final KeyFormat<?> key;

  ObjectKind(String typePrefix, KeyFormat<?> key) {
    this.typePrefix = typePrefix;
    this.key = key;
  }

  /** e.g. {@code production-order}: every command type of this object starts with it and a dot. */
  public String typePrefix() {
    return typePrefix;
  }

  /** The key of {@code target}: its fields, plant first, and how their values make the entity id. */
  public KeyFormat<?> key() {
    return key;
  }

  /** The fields of {@code target}, plant first. */
  public List<String> keyFields() {
    return key.fields();
  }
}
