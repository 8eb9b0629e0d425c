package io.plantsync.aggregates.productionorder;

import java.util.List;

/** The wire names of the production-order command types (canonical model). */
public final class CommandTypes {
  private CommandTypes() {}

  public static final String PLAN = "production-order.plan";
  public static final String RELEASE = "production-order.release";
  public static final String CONFIRM_OPERATION = "production-order.confirm-operation";
  public static final String COMPLETE = "production-order.complete";
  public static final String CLOSE = "production-order.close";
  public static final String CANCEL = "production-order.cancel";

  public static final List<String> ALL =
      List.of(PLAN, RELEASE, CONFIRM_OPERATION, COMPLETE, CLOSE, CANCEL);
}
