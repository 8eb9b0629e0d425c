package io.plantsync.aggregates.common;

/**
 * What a state decides about a business command: persist one event, answer "stale" without an
 * event, or reject with a product error code. Deciding never changes the state.
 */
public sealed interface Decision<E> {

  record Persist<E>(E event) implements Decision<E> {}

  record Stale<E>() implements Decision<E> {}

  record Reject<E>(ErrorCode code, String detail) implements Decision<E> {}

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
