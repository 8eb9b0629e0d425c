package io.plantsync.http.commands;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.plantsync.http.Json;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What was wrong with a body that is not JSON, in the contract's words: Jackson's own messages name
 * its feature flags and internal limits ("enable JsonReadFeature...", "StreamReadConstraints..."),
 * which mean nothing to an adapter author and tell an attacker which parser runs here.
 */
final class JsonErrors {
  private JsonErrors() {}

  private static final Pattern NON_STANDARD_TOKEN = Pattern.compile("Non-standard token '([A-Za-z+-]{1,12})'");

  /** e.g. "malformed JSON: the body ends before the JSON is complete (line 1, column 5)". */
  static String describe(JsonProcessingException e) {
    if (e instanceof StreamConstraintsException) return "the JSON exceeds a limit: " + limitOf(e);
    return "malformed JSON: " + reasonOf(e) + where(e.getLocation());
  }

  /** A number whose exponent or size the parser cannot hold. */
  static String numberOutOfRange() {
    return "malformed JSON: a number is out of range";
  }

  private static String limitOf(JsonProcessingException e) {
    String message = String.valueOf(e.getOriginalMessage()).toLowerCase(Locale.ROOT);
    if (message.contains("nesting depth")) return "it nests deeper than " + Json.MAX_NESTING_DEPTH + " levels";
    if (message.contains("number value length")) return "a number has too many digits";
    if (message.contains("string value length") || message.contains("name length")) return "a string is too long";
    return "it is too large";
  }

  private static String reasonOf(JsonProcessingException e) {
    String message = String.valueOf(e.getOriginalMessage());
    Matcher token = NON_STANDARD_TOKEN.matcher(message);
    if (token.find()) return "'" + token.group(1) + "' is not a JSON value";
    if (message.contains("end-of-input")) return "the body ends before the JSON is complete";
    if (message.contains("Unexpected close marker") || message.contains("expected close marker")) {
      return "brackets or braces do not match";
    }
    if (message.contains("Illegal unquoted character") || message.contains("control character")) {
      return "a control character must be escaped in a string";
    }
    if (message.contains("Unexpected character") || message.contains("Unrecognized token")) {
      return "unexpected character";
    }
    if (message.contains("Trailing token") || message.contains("trailing")) return "content after the JSON value";
    return "not well-formed JSON";
  }

  private static String where(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) return "";
    return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }
}
