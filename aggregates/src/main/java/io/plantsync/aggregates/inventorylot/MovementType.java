package io.plantsync.aggregates.inventorylot;

/**
 * The SAP MM movement type each goods movement of a lot represents, so that ERP adapters can post
 * the same material document. Never rename a constant: the names are persisted in events.
 *
 * <p>Mapping (canonical model, manufacturing-terms.md, SAP's published movement-type list):
 * <ul>
 *   <li>receive: 101 whatever the stock type (SAP takes the stock type as an indicator on 101).
 *   <li>issue: 261 with an order, 201 without (cost center).
 *   <li>transfer: 311, unrestricted stock between storage locations.
 *   <li>change-stock-type: 321 QUALITY to UNRESTRICTED, 343 BLOCKED to UNRESTRICTED, 349 BLOCKED to
 *       QUALITY, 350 QUALITY to BLOCKED (also what a rejecting usage decision posts). SAP has no own
 *       type for the other two directions and posts the reversal types: 322 UNRESTRICTED to QUALITY,
 *       344 UNRESTRICTED to BLOCKED. Unverified: 322 and 344 as forward postings, and 349/350, which
 *       manufacturing-terms.md lists as "unrestricted -> blocked" (unverified there) while SAP QM
 *       listings give blocked -> quality inspection; we follow the SAP listings.
 *   <li>scrap: 551 from every stock type, as the canonical model says. SAP itself uses 553 (quality)
 *       and 555 (blocked) for the other stock types (unverified) -- a contract question.
 *   <li>count: 701 for a gain, 702 for a loss, whatever the stock type (SAP uses 703/704 and 707/708
 *       for quality and blocked stock, unverified) -- same contract question.
 *   <li>reverse: "type + 1" (102, 262, 202, 312, 552). For the stock-type pairs the reversal is the
 *       other member of the pair (321/322, 343/344, 349/350), so reversing a 322 posts 321.
 * </ul>
 */
public enum MovementType {
  GOODS_RECEIPT("101"),
  GOODS_RECEIPT_REVERSAL("102"),
  ISSUE_TO_COST_CENTER("201"),
  ISSUE_TO_COST_CENTER_REVERSAL("202"),
  ISSUE_TO_ORDER("261"),
  ISSUE_TO_ORDER_REVERSAL("262"),
  TRANSFER_BETWEEN_LOCATIONS("311"),
  TRANSFER_BETWEEN_LOCATIONS_REVERSAL("312"),
  QUALITY_TO_UNRESTRICTED("321"),
  UNRESTRICTED_TO_QUALITY("322"),
  BLOCKED_TO_UNRESTRICTED("343"),
  UNRESTRICTED_TO_BLOCKED("344"),
  BLOCKED_TO_QUALITY("349"),
  QUALITY_TO_BLOCKED("350"),
  SCRAPPING("551"),
  SCRAPPING_REVERSAL("552"),
  INVENTORY_GAIN("701"),
  INVENTORY_LOSS("702");

  private final String code;

  MovementType(String code) {
    this.code = code;
  }

  /** The three-digit SAP code, e.g. {@code 101}. */
  public String code() {
    return code;
  }

  public static MovementType issue(String order) {
    return order == null ? ISSUE_TO_COST_CENTER : ISSUE_TO_ORDER;
  }

  /** The transfer posting from one stock type to another; {@code from} and {@code to} differ. */
  public static MovementType stockTypeChange(StockType from, StockType to) {
    return switch (from) {
      case UNRESTRICTED -> to == StockType.QUALITY ? UNRESTRICTED_TO_QUALITY : UNRESTRICTED_TO_BLOCKED;
      case QUALITY -> to == StockType.UNRESTRICTED ? QUALITY_TO_UNRESTRICTED : QUALITY_TO_BLOCKED;
      case BLOCKED -> to == StockType.UNRESTRICTED ? BLOCKED_TO_UNRESTRICTED : BLOCKED_TO_QUALITY;
    };
  }

  /** The type that reverses a movement of this type; null for the types that are not reversible. */
  public MovementType reversal() {
    return switch (this) {
      case GOODS_RECEIPT -> GOODS_RECEIPT_REVERSAL;
      case ISSUE_TO_COST_CENTER -> ISSUE_TO_COST_CENTER_REVERSAL;
      case ISSUE_TO_ORDER -> ISSUE_TO_ORDER_REVERSAL;
      case TRANSFER_BETWEEN_LOCATIONS -> TRANSFER_BETWEEN_LOCATIONS_REVERSAL;
      case QUALITY_TO_UNRESTRICTED -> UNRESTRICTED_TO_QUALITY;
      case UNRESTRICTED_TO_QUALITY -> QUALITY_TO_UNRESTRICTED;
      case BLOCKED_TO_UNRESTRICTED -> UNRESTRICTED_TO_BLOCKED;
      case UNRESTRICTED_TO_BLOCKED -> BLOCKED_TO_UNRESTRICTED;
      case BLOCKED_TO_QUALITY -> QUALITY_TO_BLOCKED;
      case QUALITY_TO_BLOCKED -> BLOCKED_TO_QUALITY;
      case SCRAPPING -> SCRAPPING_REVERSAL;
      default -> null; // reversals and count differences: a count is corrected by counting again
    };
  }
}
