package io.plantsync.aggregates.productionorder;

import static io.plantsync.aggregates.productionorder.OrderStatus.*;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one transition table of a production order: from which statuses each command type may be
 * applied. Commands that create the order (plan, release) are also allowed when it does not exist.
 * Orchestration commands (goods receipts, holds) are facts from other objects and apply in any
 * status of an existing order.
 */
public final class OrderLifecycle {
  private OrderLifecycle() {}

  private static final Set<OrderStatus> OPEN = EnumSet.complementOf(EnumSet.of(CLOSED, CANCELLED));

  private static final Map<String, Set<OrderStatus>> ALLOWED_FROM =
      Map.of(
          CommandTypes.PLAN, OPEN,
          CommandTypes.REPRIORITIZE, OPEN,
          CommandTypes.REPORT_INTERRUPTION, EnumSet.of(RELEASED, PARTIALLY_CONFIRMED, CONFIRMED, DELIVERED, TECHNICALLY_COMPLETE),
          CommandTypes.RELEASE, EnumSet.of(PLANNED),
          CommandTypes.CONFIRM_OPERATION, EnumSet.of(RELEASED, PARTIALLY_CONFIRMED),
          CommandTypes.COMPLETE, EnumSet.of(RELEASED, PARTIALLY_CONFIRMED, CONFIRMED, DELIVERED),
          CommandTypes.CLOSE, EnumSet.of(TECHNICALLY_COMPLETE),
          CommandTypes.CANCEL, EnumSet.of(PLANNED, RELEASED));

  public static boolean allows(OrderStatus from, String commandType) {
    return ALLOWED_FROM.getOrDefault(commandType, Set.of()).contains(from);
  }

  public static Set<OrderStatus> allowedFrom(String commandType) {
    return ALLOWED_FROM.getOrDefault(commandType, Set.of());
  }
}
