package io.plantsync.aggregates.productionorder;

/** Lifecycle of a production order; the SAP system status each one corresponds to. */
public enum OrderStatus {
  PLANNED("CRTD"),
  RELEASED("REL"),
  PARTIALLY_CONFIRMED("PCNF"),
  CONFIRMED("CNF"),
  DELIVERED("DLV"),
  TECHNICALLY_COMPLETE("TECO"),
  CLOSED("CLSD"),
  CANCELLED("DLFL");

  private final String sapStatus;

  OrderStatus(String sapStatus) {
    this.sapStatus = sapStatus;
  }

  public String sapStatus() {
    return sapStatus;
  }
}
