package io.plantsync.aggregates.productionorder;

import java.time.Instant;

/**
 * The business keys that make a repeat of an order command a duplicate, shared by each command and the
 * event it causes (they must agree, or a repeat would apply twice). Remembered for the order's life.
 */
final class BusinessKeys {
  private BusinessKeys() {}

  /** confirmationId is unique per order. */
  static String confirmation(String confirmationId) {
    return "confirmation:" + confirmationId;
  }

  /** An interruption's start and its end are separate facts under the same id. */
  static String interruption(String interruptionId, Instant endedAt) {
    return "interruption:" + interruptionId + (endedAt == null ? ":started" : ":ended");
  }

  /** The receipt's movementId (material document) is unique in its lot. */
  static String goodsReceipt(String lot, String movementId) {
    return "goods-receipt:" + lot + "/" + movementId;
  }

  /** The reversal's own movementId makes a redelivered reversal a duplicate. */
  static String goodsReceiptReversal(String lot, String movementId) {
    return "goods-receipt-reversal:" + lot + "/" + movementId;
  }

  static String holdPlaced(String hold) {
    return "hold-placed:" + hold;
  }

  static String holdReleased(String hold) {
    return "hold-released:" + hold;
  }
}
