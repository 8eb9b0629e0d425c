package io.plantsync.aggregates.inventorylot;

/**
 * The SAP stock types a lot's stock is kept in. Only UNRESTRICTED (unrestricted-use) stock may be
 * issued, transferred between storage locations or reserved. Never rename a constant: the names are
 * persisted in events.
 */
public enum StockType {
  UNRESTRICTED,
  QUALITY,
  BLOCKED
}
