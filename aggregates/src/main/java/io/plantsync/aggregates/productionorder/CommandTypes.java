package io.plantsync.aggregates.productionorder;

import java.util.List;

/** The wire names of the production-order command types (src/docs/contract.md). */
public final class CommandTypes {
  private CommandTypes() {}

  public static final String PLAN = "production-order.plan";
  public static final String RELEASE = "production-order.release";
  public static final String CONFIRM_OPERATION = "production-order.confirm-operation";
  public static final String COMPLETE = "production-order.complete";
  public static final String CLOSE = "production-order.close";
  public static final String CANCEL = "production-order.cancel";
  public static final String REPRIORITIZE = "production-order.reprioritize";
  public static final String REPORT_INTERRUPTION = "production-order.report-interruption";

  /** What adapters may send (the command catalogue of src/docs/contract.md). */
  public static final List<String> ALL =
      List.of(PLAN, RELEASE, REPRIORITIZE, CONFIRM_OPERATION, REPORT_INTERRUPTION, COMPLETE, CLOSE, CANCEL);

  // PlantSync's own orchestration; never accepted over HTTP and not in the system-of-record matrix.
  public static final String RECORD_GOODS_RECEIPT = "production-order.record-goods-receipt";
  public static final String RECORD_GOODS_RECEIPT_REVERSAL = "production-order.record-goods-receipt-reversal";
  public static final String PLACE_ON_HOLD = "production-order.place-on-hold";
  public static final String RELEASE_FROM_HOLD = "production-order.release-from-hold";
}
