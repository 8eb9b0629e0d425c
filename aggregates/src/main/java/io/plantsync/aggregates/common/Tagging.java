package io.plantsync.aggregates.common;

import java.util.Set;

/**
 * Spreads an object type's events over a fixed number of tags, one projection instance per tag.
 * The number is fixed once data exists: changing it moves objects to other tags and projections
 * would miss or repeat events (see src/docs/operations.md).
 */
public final class Tagging {
  private Tagging() {}

  public static String tagFor(String entityTypeName, String entityId, int partitions) {
    // String.hashCode is specified by the JLS, so the tag of an object is stable across JVMs.
    return tagFor(entityTypeName, Math.floorMod(entityId.hashCode(), partitions));
  }

  /** The tag of partition {@code partition}: what one projection instance reads. */
  public static String tagFor(String entityTypeName, int partition) {
    return entityTypeName + "-" + partition;
  }

  public static Set<String> tagsOf(String entityTypeName, String entityId, int partitions) {
    return Set.of(tagFor(entityTypeName, entityId, partitions));
  }
}
