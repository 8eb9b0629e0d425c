package io.plantsync.aggregates.inventorylot;

import java.util.List;

/** The wire names of the inventory-lot command types (src/docs/contract.md). */
public final class CommandTypes {
  private CommandTypes() {}

  public static final String RECEIVE = "inventory-lot.receive";
  public static final String ISSUE = "inventory-lot.issue";
  public static final String TRANSFER = "inventory-lot.transfer";
  public static final String CHANGE_STOCK_TYPE = "inventory-lot.change-stock-type";
  public static final String SCRAP = "inventory-lot.scrap";
  public static final String COUNT = "inventory-lot.count";
  public static final String REVERSE = "inventory-lot.reverse";
  public static final String RESERVE = "inventory-lot.reserve";
  public static final String RELEASE_RESERVATION = "inventory-lot.release-reservation";

  /** The types adapters send; each has a row in the system-of-record matrix. */
  public static final List<String> ALL =
      List.of(RECEIVE, ISSUE, TRANSFER, CHANGE_STOCK_TYPE, SCRAP, COUNT, REVERSE, RESERVE, RELEASE_RESERVATION);

  // PlantSync's own orchestration (quality-hold propagation): never reachable over HTTP, so not in
  // the system-of-record matrix; the names appear in logs and business-exception records only.
  public static final String PLACE_ON_HOLD = "inventory-lot.place-on-hold";
  public static final String RELEASE_FROM_HOLD = "inventory-lot.release-from-hold";
}
