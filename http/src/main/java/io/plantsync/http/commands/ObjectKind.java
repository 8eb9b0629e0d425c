package io.plantsync.http.commands;

import java.util.List;

/** The business objects commands target, with the key fields of each {@code target}. */
public enum ObjectKind {
  PRODUCTION_ORDER("production-order", List.of("plant", "order")),
  INVENTORY_LOT("inventory-lot", List.of("plant", "material", "batch")),
  QUALITY_HOLD("quality-hold", List.of("plant", "hold"));

  private final String typePrefix;
  private final List<String> keyFields;

  ObjectKind(String typePrefix, List<String> keyFields) {
    this.typePrefix = typePrefix;
    this.keyFields = keyFields;
  }

  /** e.g. {@code production-order}: every command type of this object starts with it and a dot. */
  public String typePrefix() {
    return typePrefix;
  }

  /** The fields of {@code target}, plant first; the entity id is their values joined by "/". */
  public List<String> keyFields() {
    return keyFields;
  }
}
