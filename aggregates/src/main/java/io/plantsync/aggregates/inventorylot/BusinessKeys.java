package io.plantsync.aggregates.inventorylot;

/**
 * The business keys that make a repeat of a lot command a duplicate, shared by each command and the
 * event it causes (they must agree, or a repeat would apply twice). Remembered for the lot's life.
 */
final class BusinessKeys {
  private BusinessKeys() {}

  /** movementId is the material document: unique per lot across every kind of goods movement. */
  static String movement(String movementId) {
    return "movement:" + movementId;
  }

  static String count(String countId) {
    return "count:" + countId;
  }

  static String reservation(String reservationId) {
    return "reservation:" + reservationId;
  }

  static String reservationRelease(String reservationId) {
    return "reservation-release:" + reservationId;
  }

  static String holdPlaced(String hold) {
    return "hold-placed:" + hold;
  }

  static String holdReleased(String hold) {
    return "hold-released:" + hold;
  }
}
