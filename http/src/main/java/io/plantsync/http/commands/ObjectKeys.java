package io.plantsync.http.commands;

import io.plantsync.aggregates.common.KeyFormat;

/** The rule for object keys (plant, order, material, batch, hold ...) as http checks it: src/docs/contract.md. */
public final class ObjectKeys {
  private ObjectKeys() {}

  /** The message every invalid key gets, wherever it was sent. */
  public static final String RULE = KeyFormat.VALUE_RULE + ", and not . or ..";

  /**
   * The key syntax, less {@code .} and {@code ..}: as a path segment of a read they mean "this" and
   * "up", so an object keyed so could be written but never read back.
   */
  public static boolean isValid(String key) {
    return KeyFormat.isValidValue(key) && !key.equals(".") && !key.equals("..");
  }
}
