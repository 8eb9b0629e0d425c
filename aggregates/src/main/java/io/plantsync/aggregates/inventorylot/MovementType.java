package io.plantsync.aggregates.inventorylot;

/**
 * The SAP MM movement type each goods movement of a lot represents, so that ERP adapters can post
 * the same material document. Never rename a constant: the names are persisted in events.
 *
 * <p>Mapping (src/docs/contract.md, SAP's published movement-type list):
 * <ul>
 *   <li>receive: 101 whatever the stock type (SAP takes the stock type as an indicator on 101).
 *   <li>issue: 261 with an order, 201 without (cost center).
 *   <li>transfer: 311, unrestricted stock between storage locations.
 *   <li>change-stock-type: 321 QUALITY to UNRESTRICTED, 343 BLOCKED to UNRESTRICTED, 349 BLOCKED to
 *       QUALITY, 350 QUALITY to BLOCKED (also what a rejecting usage decision posts). SAP has no own
 *       type for the other two directions and posts the reversal types: 322 UNRESTRICTED to QUALITY,
 *       344 UNRESTRICTED to BLOCKED. Unverified: 322 and 344 as forward postings, and 349/350, which
 *       some glossaries give as "unrestricted -> blocked" while SAP QM listings give blocked ->
 *       quality inspection; we follow the SAP listings.
 *   <li>scrap: by the stock type scrapped, as SAP posts it: 551 unrestricted, 553 quality
 *       inspection, 555 blocked. Lots scrapped before 553/555 existed kept 551 in their events.
 *   <li>count: the inventory difference by stock type, as SAP's physical inventory posts it: 701
 *       (gain) / 702 (loss) unrestricted, 703 / 704 quality inspection, 707 / 708 blocked. Counts
 *       posted before that carry 701/702 whatever the stock type.
 *   <li>reverse: "type + 1" (102, 262, 202, 312, 552, 554, 556). For the stock-type pairs the
 *       reversal is the other member of the pair (321/322, 343/344, 349/350), so reversing a 322
 *       posts 321.
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
  SCRAPPING_FROM_QUALITY("553"),
  SCRAPPING_FROM_QUALITY_REVERSAL("554"),
  SCRAPPING_FROM_BLOCKED("555"),
  SCRAPPING_FROM_BLOCKED_REVERSAL("556"),
  INVENTORY_GAIN("701"),
  INVENTORY_LOSS("702"),
  INVENTORY_GAIN_QUALITY("703"),
  INVENTORY_LOSS_QUALITY("704"),
  INVENTORY_GAIN_BLOCKED("707"),
  INVENTORY_LOSS_BLOCKED("708");

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

  /** Scrapping out of {@code stockType}: 551, 553 or 555. */
  public static MovementType scrap(StockType stockType) {
    return switch (stockType) {
      case UNRESTRICTED -> SCRAPPING;
      case QUALITY -> SCRAPPING_FROM_QUALITY;
      case BLOCKED -> SCRAPPING_FROM_BLOCKED;
    };
  }

  /**
   * The inventory difference a count posts in {@code stockType}: a gain when {@code differenceSign}
   * is positive, a loss when negative; null when the count matched the book (nothing is posted).
   */
  public static MovementType inventoryDifference(StockType stockType, int differenceSign) {
    if (differenceSign == 0) return null;
    boolean gain = differenceSign > 0;
    return switch (stockType) {
      case UNRESTRICTED -> gain ? INVENTORY_GAIN : INVENTORY_LOSS;
      case QUALITY -> gain ? INVENTORY_GAIN_QUALITY : INVENTORY_LOSS_QUALITY;
      case BLOCKED -> gain ? INVENTORY_GAIN_BLOCKED : INVENTORY_LOSS_BLOCKED;
    };
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
      case SCRAPPING_FROM_QUALITY -> SCRAPPING_FROM_QUALITY_REVERSAL;
      case SCRAPPING_FROM_BLOCKED -> SCRAPPING_FROM_BLOCKED_REVERSAL;
      default -> null; // reversals and count differences: a count is corrected by counting again
    };
  }
}
