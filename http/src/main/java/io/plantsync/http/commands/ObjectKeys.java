package io.plantsync.http.commands;

import java.util.regex.Pattern;

/** The rule for object keys (plant, order, material, batch, hold ...): src/docs/contract.md. */
public final class ObjectKeys {
  private ObjectKeys() {}

  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]{1,40}");

  /** The message every invalid key gets, wherever it was sent. */
  public static final String RULE = "must be 1-40 characters of A-Z a-z 0-9 - _ .";

  public static boolean isValid(String key) {
    return key != null && KEY.matcher(key).matches();
  }
}
