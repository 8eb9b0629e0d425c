package io.plantsync.aggregates.common;

import java.util.List;

/**
 * The key of one business object: the values of its key fields, plant first (see {@link KeyFormat}).
 * Its entity id, and so its persistence id and shard, is the values joined by "/"; no value contains
 * '/', so every entity id parses back to the same key.
 */
public interface ObjectKey {

  /** The plant the object belongs to: the first key value. */
  String plant();

  /** The key values in the order of the format's fields, plant first. */
  List<String> values();

  /** The values joined by "/", e.g. {@code 1000/100234}. */
  default String entityId() {
    return String.join("/", values());
  }
}
