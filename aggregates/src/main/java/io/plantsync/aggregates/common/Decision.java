package io.plantsync.aggregates.common;

/**
 * What happens to a business command: persist one event, answer "stale" without an event, reject
 * with a product error code, or answer a repeat with the first outcome. Deciding changes nothing.
 */
public sealed interface Decision<E> {

  record Persist<E>(E event) implements Decision<E> {}

  record Stale<E>() implements Decision<E> {}

  record Reject<E>(ErrorCode code, String detail) implements Decision<E> {}

  record Duplicate<E>(CommandReply.Accepted firstOutcome) implements Decision<E> {}

  static <E> Decision<E> persist(E event) {
    return new Persist<>(event);
  }

  static <E> Decision<E> stale() {
    return new Stale<>();
  }

  static <E> Decision<E> reject(ErrorCode code, String detail) {
    return new Reject<>(code, detail);
  }
}
