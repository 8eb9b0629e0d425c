package io.plantsync.aggregates.productionorder;

import java.math.BigDecimal;

/** Goods received against the order, as SAP shows it beside the order status. */
public enum DeliveryStatus {
  NOT_DELIVERED(null),
  PARTIALLY_DELIVERED("PDLV"),
  DELIVERED("DLV");

  private final String sapStatus;

  DeliveryStatus(String sapStatus) {
    this.sapStatus = sapStatus;
  }

  /** Null when nothing was delivered yet. */
  public String sapStatus() {
    return sapStatus;
  }

  static DeliveryStatus of(BigDecimal delivered, BigDecimal planned) {
    if (delivered.signum() == 0) return NOT_DELIVERED;
    return planned != null && delivered.compareTo(planned) >= 0 ? DELIVERED : PARTIALLY_DELIVERED;
  }
}
