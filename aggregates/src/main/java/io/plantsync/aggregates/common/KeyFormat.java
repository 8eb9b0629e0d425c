package io.plantsync.aggregates.common;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * How one object type's key is written: the names of its key fields, plant first, as the command
 * target, the read path, the views and the public events name them; and the syntax of every key
 * value (src/docs/contract.md: 1-40 of A-Z a-z 0-9 - _ .).
 *
 * @param object the object type as messages name it, e.g. {@code production order}
 * @param keyOf the key of valid values, in field order
 */
public record KeyFormat<K extends ObjectKey>(String object, List<String> fields, Function<List<String>, K> keyOf) {

  private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9._-]{1,40}");

  /** The message every invalid key value gets, wherever it was sent. */
  public static final String VALUE_RULE = "must be 1-40 characters of A-Z a-z 0-9 - _ .";

  public KeyFormat {
    fields = List.copyOf(fields);
  }

  public static boolean isValidValue(String value) {
    return value != null && VALUE.matcher(value).matches();
  }

  /** The key of {@code values}, one per field in field order. */
  public K of(List<String> values) {
    if (values.size() != fields.size()) {
      throw new IllegalArgumentException(object + " key " + values + " does not have the fields " + fields);
    }
    return keyOf.apply(values);
  }

  /** The key of an entity id: its values joined by "/", as {@link ObjectKey#entityId()} writes it. */
  public K parse(String entityId) {
    List<String> values = List.of(entityId.split("/", -1));
    if (values.size() != fields.size()) {
      throw new IllegalArgumentException(object + " entity id '" + entityId + "' is not " + template());
    }
    return of(values);
  }

  /** Throws unless every value follows the key syntax; for the key records' constructors. */
  public void check(String... values) {
    for (int i = 0; i < values.length; i++) {
      if (!isValidValue(values[i])) {
        throw new IllegalArgumentException(
            object + " key " + fields.get(i) + " '" + values[i] + "' " + VALUE_RULE);
      }
    }
  }

  /** The entity id's shape by field names, e.g. {@code plant/order}. */
  public String template() {
    return String.join("/", fields);
  }
}
