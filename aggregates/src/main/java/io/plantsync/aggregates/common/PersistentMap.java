package io.plantsync.aggregates.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;
import scala.jdk.javaapi.CollectionConverters;

/**
 * An immutable map from String keys whose {@link #with} shares all but a few nodes with the map it
 * came from (Scala's {@code immutable.Map}: a hash trie from five entries on): O(log n) per change
 * instead of a copy. For state that grows with an object's history (a lot's goods movements) and
 * changes on every event; a plain {@code Map.copyOf} there makes each event cost O(history). Up to
 * four entries are one small object (Scala's Map1..Map4, ~24-56 bytes instead of ~130 for a trie of
 * one entry): most live objects hold one or two entries per map (performance.md, heap per object).
 * Written as a JSON object.
 *
 * @param <V> the values
 */
public final class PersistentMap<V> {

  private static final PersistentMap<?> EMPTY = new PersistentMap<>(scala.collection.immutable.Map$.MODULE$.empty());

  private final scala.collection.immutable.Map<String, V> entries;

  private PersistentMap(scala.collection.immutable.Map<String, V> entries) {
    this.entries = entries;
  }

  @SuppressWarnings("unchecked")
  public static <V> PersistentMap<V> empty() {
    return (PersistentMap<V>) EMPTY;
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static <V> PersistentMap<V> of(Map<String, V> entries) {
    return entries == null || entries.isEmpty() ? empty() : new PersistentMap<>(
        scala.collection.immutable.Map$.MODULE$.from(CollectionConverters.asScala(entries)));
  }

  /** The value for {@code key}, or null. */
  public V get(String key) {
    scala.Option<V> value = entries.get(key);
    return value.isEmpty() ? null : value.get();
  }

  public boolean containsKey(String key) {
    return entries.contains(key);
  }

  public PersistentMap<V> with(String key, V value) {
    return new PersistentMap<>(entries.updated(key, value));
  }

  public PersistentMap<V> without(String key) {
    return new PersistentMap<>(entries.removed(key));
  }

  public int size() {
    return entries.size();
  }

  /** A read-only view, not a copy. */
  @JsonValue
  public Map<String, V> asMap() {
    return CollectionConverters.asJava(entries);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PersistentMap<?> that && entries.equals(that.entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return asMap().toString();
  }
}
