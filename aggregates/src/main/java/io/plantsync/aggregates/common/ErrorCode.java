package io.plantsync.aggregates.common;

/** The product's rejection codes (src/docs/contract.md); the HTTP layer maps each to its status. */
public enum ErrorCode {
  INVALID_REQUEST("invalid-request"),
  UNAUTHENTICATED("unauthenticated"),
  NOT_SYSTEM_OF_RECORD("not-system-of-record"),
  PLANT_NOT_ALLOWED("plant-not-allowed"),
  UNKNOWN_OBJECT("unknown-object"),
  INVALID_TRANSITION("invalid-transition"),
  OBJECT_ON_HOLD("object-on-hold"),
  PAYLOAD_TOO_LARGE("payload-too-large"),
  INSUFFICIENT_STOCK("insufficient-stock"),
  RESERVATION_EXCEEDED("reservation-exceeded"),
  UOM_MISMATCH("uom-mismatch"),
  QUANTITY_BELOW_CONFIRMED("quantity-below-confirmed"),
  UNAVAILABLE("unavailable");

  private final String code;

  ErrorCode(String code) {
    this.code = code;
  }

  /** The wire form, e.g. {@code not-system-of-record}. */
  public String code() {
    return code;
  }
}
