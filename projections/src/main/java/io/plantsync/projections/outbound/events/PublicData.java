package io.plantsync.projections.outbound.events;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plantsync.aggregates.common.Quantities;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The {@code data} of a public event, written field by field with the contract's value types:
 * quantities as plain JSON numbers, times as RFC 3339 strings, enums by name, absent values as
 * null. Nothing is serialised by reflection, so a field added to an internal class never leaks out.
 */
final class PublicData {
  private final ObjectNode node = JsonNodeFactory.instance.objectNode();

  static PublicData fields() {
    return new PublicData();
  }

  PublicData text(String name, String value) {
    node.put(name, value);
    return this;
  }

  PublicData number(String name, BigDecimal value) {
    if (value == null) {
      node.putNull(name);
    } else {
      node.set(name, DecimalNode.valueOf(Quantities.normalised(value)));
    }
    return this;
  }

  PublicData integer(String name, long value) {
    node.put(name, value);
    return this;
  }

  PublicData integer(String name, Long value) {
    node.put(name, value);
    return this;
  }

  PublicData flag(String name, boolean value) {
    node.put(name, value);
    return this;
  }

  PublicData time(String name, Instant value) {
    return text(name, value == null ? null : value.toString());
  }

  PublicData name(String name, Enum<?> value) {
    return text(name, value == null ? null : value.name());
  }

  PublicData texts(String name, List<String> values) {
    ArrayNode array = node.putArray(name);
    values.forEach(array::add);
    return this;
  }

  <T> PublicData objects(String name, List<T> values, Function<T, PublicData> fields) {
    ArrayNode array = node.putArray(name);
    values.forEach(value -> array.add(fields.apply(value).node));
    return this;
  }

  PublicData object(String name, PublicData fields) {
    node.set(name, fields.node);
    return this;
  }

  /** {@code name} with the value null: the contract says "none" rather than leaving the field out. */
  PublicData absent(String name) {
    node.putNull(name);
    return this;
  }

  /** These fields followed by all of {@code more}. */
  PublicData with(PublicData more) {
    node.setAll(more.node);
    return this;
  }

  ObjectNode node() {
    return node;
  }
}
