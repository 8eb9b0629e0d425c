package io.plantsync.http.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plantsync.aggregates.common.Quantities;
import io.plantsync.http.problem.FieldError;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads the fields of one JSON object strictly: every problem is collected with its JSON Pointer,
 * a read that fails returns null, and {@link #rejectUnknown()} flags every field nobody asked for.
 * Only syntax is checked here (types, required fields, formats, sizes, the key pattern); business
 * rules, even one as plain as a quantity above zero, belong to the entities.
 */
public final class Fields {

  private static final Pattern UOM = Pattern.compile("[A-Z]{1,3}");
  static final int MAX_ID_LENGTH = 100;
  static final int MAX_TEXT_LENGTH = 1000;
  private static final BigDecimal QUANTITY_LIMIT = new BigDecimal("1e12");

  private final ObjectNode node;
  private final String pointer;
  private final List<FieldError> errors;
  private final Set<String> read = new HashSet<>();

  private Fields(ObjectNode node, String pointer, List<FieldError> errors) {
    this.node = node;
    this.pointer = pointer;
    this.errors = errors;
  }

  /** Fields of {@code value} at {@code pointer}, or null (with an error) if it is no object. */
  public static Fields of(JsonNode value, String pointer, List<FieldError> errors) {
    if (value instanceof ObjectNode object) return new Fields(object, pointer, errors);
    errors.add(new FieldError(pointer.isEmpty() ? "/" : pointer, "must be a JSON object"));
    return null;
  }

  /** Fields of an object that may be absent: an absent one reads as empty. */
  public static Fields ofOptional(JsonNode value, String pointer, List<FieldError> errors) {
    if (value == null || value.isMissingNode() || value.isNull()) {
      return new Fields(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), pointer, errors);
    }
    return of(value, pointer, errors);
  }

  public List<FieldError> errors() {
    return errors;
  }

  public boolean has(String name) {
    return node.has(name) && !node.get(name).isNull();
  }

  /** A required nested object. */
  public Fields object(String name) {
    JsonNode value = required(name);
    return value == null ? null : Fields.of(value, pointer + "/" + escape(name), errors);
  }

  /** A nested object that may be absent (reads as empty). */
  public Fields optionalObject(String name) {
    return ofOptional(optional(name), pointer + "/" + escape(name), errors);
  }

  private JsonNode required(String name) {
    read.add(name);
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      error(name, "is required");
      return null;
    }
    return value;
  }

  private JsonNode optional(String name) {
    read.add(name);
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? null : value;
  }

  public String text(String name, int maxLength) {
    return checkText(name, required(name), maxLength);
  }

  public String optionalText(String name, int maxLength) {
    return checkText(name, optional(name), maxLength);
  }

  private String checkText(String name, JsonNode value, int maxLength) {
    if (value == null) return null;
    if (!value.isTextual()) return error(name, "must be a string");
    String text = value.textValue();
    if (text.isBlank() || text.length() > maxLength) {
      return error(name, "must be 1-" + maxLength + " characters");
    }
    if (!isWellFormedUnicode(text)) return error(name, "must be valid Unicode (no unpaired surrogates)");
    return text;
  }

  /** An escaped "\ud800" is legal JSON but no character: it cannot be stored or sent on. */
  private static boolean isWellFormedUnicode(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) return false;
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** A free text such as a reason or a note. */
  public String description(String name) {
    return text(name, MAX_TEXT_LENGTH);
  }

  /** A business id such as a confirmationId or a movementId. */
  public String id(String name) {
    return printable(name, text(name, MAX_ID_LENGTH));
  }

  public String optionalId(String name) {
    return printable(name, optionalText(name, MAX_ID_LENGTH));
  }

  /**
   * Ids go into log lines and business exceptions: a raw line break would forge a log entry, a NUL
   * cuts it short in other systems (failure mode FM-hostile-request).
   */
  private String printable(String name, String id) {
    if (id == null || id.codePoints().noneMatch(Character::isISOControl)) return id;
    return error(name, "must not contain control characters");
  }

  /** An object key (plant, order, material, batch ...): 1-40 of A-Z a-z 0-9 - _ . */
  public String key(String name) {
    String text = checkText(name, required(name), 40);
    if (text != null && !ObjectKeys.isValid(text)) {
      return error(name, ObjectKeys.RULE);
    }
    return text;
  }

  /** An optional object key; null when absent. */
  public String optionalKey(String name) {
    String text = checkText(name, optional(name), 40);
    if (text != null && !ObjectKeys.isValid(text)) {
      return error(name, ObjectKeys.RULE);
    }
    return text;
  }

  /** One of an enum's names, exactly as written (e.g. UNRESTRICTED). */
  public <E extends Enum<E>> E enumValue(String name, Class<E> type) {
    return checkEnum(name, required(name), type);
  }

  public <E extends Enum<E>> E optionalEnum(String name, Class<E> type) {
    return checkEnum(name, optional(name), type);
  }

  private <E extends Enum<E>> E checkEnum(String name, JsonNode value, Class<E> type) {
    if (value == null) return null;
    if (value.isTextual()) {
      for (E constant : type.getEnumConstants()) {
        if (constant.name().equals(value.textValue())) return constant;
      }
    }
    return error(name, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
  }

  /** An array of object keys (e.g. order numbers); null if invalid, empty if absent. */
  public List<String> keys(String name, int maxSize) {
    JsonNode value = optional(name);
    if (value == null) return List.of();
    if (!value.isArray() || value.size() > maxSize) return error(name, "must be an array of at most " + maxSize + " keys");
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      if (!item.isTextual() || !ObjectKeys.isValid(item.textValue())) {
        errors.add(new FieldError(pointer + "/" + escape(name) + "/" + i, ObjectKeys.RULE));
      } else {
        keys.add(item.textValue());
      }
    }
    return keys.size() == value.size() ? keys : null;
  }

  public String uom(String name) {
    String text = checkText(name, required(name), 3);
    if (text != null && !UOM.matcher(text).matches()) return error(name, "must be 1-3 upper-case letters");
    return text;
  }

  /**
   * A quantity: a JSON number with at most 3 decimals, in canonical form ({@link Quantities}).
   * Its sign is no syntax: whether 0 or less makes sense depends on the command, and the object judges it.
   */
  public BigDecimal quantity(String name) {
    JsonNode value = required(name);
    if (value == null) return null;
    if (!value.isNumber()) return error(name, "must be a number");
    BigDecimal quantity = value.decimalValue();
    if (quantity.stripTrailingZeros().scale() > 3) return error(name, "must have at most 3 decimals");
    if (quantity.abs().compareTo(QUANTITY_LIMIT) >= 0) return error(name, "must be below 10^12 (either sign)");
    return Quantities.normalised(quantity);
  }

  public Integer integer(String name, int min, int max) {
    return checkInteger(name, required(name), min, max);
  }

  public Long optionalLong(String name, long min) {
    JsonNode value = optional(name);
    if (value == null) return null;
    if (!value.isIntegralNumber() || !value.canConvertToLong()) return error(name, "must be an integer");
    if (value.longValue() < min) return error(name, "must be >= " + min);
    return value.longValue();
  }

  private Integer checkInteger(String name, JsonNode value, int min, int max) {
    if (value == null) return null;
    if (!value.isIntegralNumber() || !value.canConvertToInt()) return error(name, "must be an integer");
    int number = value.intValue();
    if (number < min || number > max) return error(name, "must be between " + min + " and " + max);
    return number;
  }

  public Boolean bool(String name) {
    JsonNode value = required(name);
    if (value == null) return null;
    if (!value.isBoolean()) return error(name, "must be true or false");
    return value.booleanValue();
  }

  /** A flag the sender may leave out, meaning false. */
  public Boolean optionalFlag(String name) {
    JsonNode value = optional(name);
    if (value == null) return false;
    if (!value.isBoolean()) return error(name, "must be true or false");
    return value.booleanValue();
  }

  public Instant instant(String name) {
    return checkInstant(name, required(name));
  }

  public Instant optionalInstant(String name) {
    return checkInstant(name, optional(name));
  }

  private Instant checkInstant(String name, JsonNode value) {
    if (value == null) return null;
    if (!value.isTextual()) return error(name, "must be an RFC 3339 date-time string");
    try {
      return OffsetDateTime.parse(value.textValue()).toInstant();
    } catch (DateTimeParseException e) {
      return error(name, "must be an RFC 3339 date-time with offset, e.g. 2026-11-27T08:00:00Z");
    }
  }

  /** An array of objects, each read by {@code element}; null if invalid. */
  public <T> List<T> objects(String name, int minSize, int maxSize, Function<Fields, T> element) {
    JsonNode value = minSize > 0 ? required(name) : optional(name);
    if (value == null) return minSize > 0 ? null : List.of();
    if (!value.isArray()) return error(name, "must be an array");
    if (value.size() < minSize || value.size() > maxSize) {
      return error(name, "must have " + minSize + "-" + maxSize + " elements");
    }
    List<T> result = new ArrayList<>();
    int before = errors.size();
    for (int i = 0; i < value.size(); i++) {
      Fields item = Fields.of(value.get(i), pointer + "/" + name + "/" + i, errors);
      if (item == null) continue;
      result.add(element.apply(item));
      item.rejectUnknown();
    }
    return errors.size() == before ? result : null;
  }

  /** Flags every field of this object that no read asked for. */
  public void rejectUnknown() {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!read.contains(name)) error(name, "is not a known field");
    }
  }

  private <T> T error(String name, String message) {
    errors.add(new FieldError(pointer + "/" + escape(name), message));
    return null;
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
