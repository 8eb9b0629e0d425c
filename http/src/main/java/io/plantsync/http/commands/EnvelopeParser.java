package io.plantsync.http.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.plantsync.aggregates.common.Origin;
import io.plantsync.http.Json;
import io.plantsync.http.auth.Adapter;
import io.plantsync.http.problem.FieldError;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a command envelope (src/docs/contract.md, "Command envelope") into a {@link ParsedCommand}, or
 * into the complete list of what is wrong with it. Nothing malformed ever reaches an entity; what the
 * well-formed data means (a quantity above zero, two different storage locations ...) the entity judges.
 */
public final class EnvelopeParser {

  /** Either a command or the errors that prevent one. */
  public record Result(ParsedCommand<?> command, List<FieldError> errors) {
    public boolean isValid() {
      return command != null;
    }
  }

  private final CommandCatalog catalog;

  public EnvelopeParser(CommandCatalog catalog) {
    this.catalog = catalog;
  }

  public Result parse(byte[] body, Adapter adapter) {
    List<FieldError> errors = new ArrayList<>();
    JsonNode root;
    try {
      // Strict UTF-8 first: Jackson alone lets overlong forms and encoded surrogates through.
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body)).toString();
      root = Json.MAPPER.readTree(text);
    } catch (CharacterCodingException e) {
      return invalid(errors, "/", "the body is not valid UTF-8");
    } catch (JsonProcessingException e) {
      return invalid(errors, "/", JsonErrors.describe(e));
    } catch (NumberFormatException e) {
      // e.g. a number whose exponent does not fit the parser: bad input, never a server error
      return invalid(errors, "/", JsonErrors.numberOutOfRange());
    }
    if (root == null || root.isMissingNode()) return invalid(errors, "/", "the body is empty");
    Fields envelope = Fields.of(root, "", errors);
    if (envelope == null) return new Result(null, errors);

    String messageId = envelope.id("messageId");
    String type = envelope.text("type", 100);
    CommandSpec<?> spec = type == null ? null : catalog.find(type);
    if (type != null && spec == null) errors.add(new FieldError("/type", "unknown command type " + type));
    Long sourceVersion = envelope.optionalLong("sourceVersion", 0);
    Instant occurredAt = envelope.optionalInstant("occurredAt");

    Fields target = envelope.object("target");
    List<String> keys = new ArrayList<>();
    if (target != null && spec != null) {
      for (String field : spec.objectKind().keyFields()) keys.add(target.key(field));
      target.rejectUnknown();
    }
    Fields data = envelope.optionalObject("data");
    envelope.rejectUnknown();
    if (spec == null || data == null || !errors.isEmpty()) {
      // Still read the data so the adapter learns every problem at once.
      if (spec != null && data != null) readData(spec, data, null);
      return new Result(null, errors);
    }
    Origin origin = new Origin(messageId, adapter.id(), adapter.kind(), sourceVersion, occurredAt);
    ParsedCommand<?> parsed = readData(spec, data, origin);
    return parsed != null && errors.isEmpty()
        ? new Result(withTarget(parsed, messageId, keys), errors)
        : new Result(null, errors);
  }

  private static <C> ParsedCommand<C> readData(CommandSpec<C> spec, Fields data, Origin origin) {
    var message = spec.reader().read(data, origin);
    data.rejectUnknown();
    return message == null ? null : new ParsedCommand<>(spec, null, null, message);
  }

  private static <C> ParsedCommand<C> withTarget(ParsedCommand<C> parsed, String messageId, List<String> keys) {
    return new ParsedCommand<>(parsed.spec(), messageId, parsed.spec().objectKind().key().of(keys), parsed.message());
  }

  private static Result invalid(List<FieldError> errors, String pointer, String message) {
    errors.add(new FieldError(pointer, message));
    return new Result(null, errors);
  }
}
