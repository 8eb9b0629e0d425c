package io.plantsync.http.commands;

import static io.plantsync.http.commands.ObjectKind.PRODUCTION_ORDER;

import io.plantsync.aggregates.productionorder.CommandTypes;
import io.plantsync.aggregates.productionorder.Component;
import io.plantsync.aggregates.productionorder.Operation;
import io.plantsync.aggregates.productionorder.OrderHeader;
import io.plantsync.aggregates.productionorder.ProductionOrder;
import io.plantsync.aggregates.productionorder.ProductionOrderCommand;
import io.plantsync.aggregates.productionorder.ProductionOrderCommand.*;
import java.util.List;

/** The {@code data} of each production-order command type, as src/docs/contract.md lists it. */
final class ProductionOrderCommandSpecs {
  private ProductionOrderCommandSpecs() {}

  static List<CommandSpec<ProductionOrderCommand>> all() {
    return List.of(
        spec(CommandTypes.PLAN, (data, origin) -> {
          OrderHeader header = header(data);
          Integer priority = data.integer("priority", 1, 999);
          return data.errors().isEmpty() ? replyTo -> new Plan(origin, header, priority, replyTo) : null;
        }),
        spec(CommandTypes.RELEASE, (data, origin) -> {
          List<Operation> operations = data.objects("operations", 1, 999,
              op -> new Operation(op.key("operation"), op.key("workCenter")));
          List<Component> components = data.objects("components", 0, 9999,
              c -> new Component(c.key("material"), c.quantity("quantity"), c.uom("uom")));
          // The order's data is needed only when the release creates the order; any of it means all of it.
          OrderHeader header = HEADER_FIELDS.stream().anyMatch(data::has) ? header(data) : null;
          return data.errors().isEmpty()
              ? replyTo -> new Release(origin, header, operations, components, replyTo) : null;
        }),
        spec(CommandTypes.CONFIRM_OPERATION, (data, origin) -> {
          String confirmationId = data.id("confirmationId");
          String operation = data.key("operation");
          String workCenter = data.key("workCenter");
          var yield = data.quantity("yield");
          var scrap = data.quantity("scrap");
          Boolean finalConfirmation = data.bool("final");
          return data.errors().isEmpty()
              ? replyTo -> new ConfirmOperation(origin, confirmationId, operation, workCenter, yield, scrap,
                  finalConfirmation, replyTo)
              : null;
        }),
        spec(CommandTypes.REPRIORITIZE, (data, origin) -> {
          Integer priority = data.integer("priority", 1, 999);
          var start = data.optionalInstant("scheduledStart");
          var end = data.optionalInstant("scheduledEnd");
          return data.errors().isEmpty() ? replyTo -> new Reprioritize(origin, priority, start, end, replyTo) : null;
        }),
        spec(CommandTypes.REPORT_INTERRUPTION, (data, origin) -> {
          String interruptionId = data.id("interruptionId");
          String workCenter = data.key("workCenter");
          String reason = data.description("reason");
          var startedAt = data.instant("startedAt");
          var endedAt = data.optionalInstant("endedAt");
          return data.errors().isEmpty()
              ? replyTo -> new ReportInterruption(origin, interruptionId, workCenter, reason, startedAt, endedAt, replyTo)
              : null;
        }),
        spec(CommandTypes.COMPLETE, (data, origin) -> replyTo -> new Complete(origin, replyTo)),
        spec(CommandTypes.CLOSE, (data, origin) -> replyTo -> new Close(origin, replyTo)),
        spec(CommandTypes.CANCEL, (data, origin) -> {
          String reason = data.description("reason");
          return data.errors().isEmpty() ? replyTo -> new Cancel(origin, reason, replyTo) : null;
        }));
  }

  private static final List<String> HEADER_FIELDS =
      List.of("material", "quantity", "uom", "scheduledStart", "scheduledEnd");

  private static OrderHeader header(Fields data) {
    return new OrderHeader(data.key("material"), data.quantity("quantity"), data.uom("uom"),
        data.instant("scheduledStart"), data.instant("scheduledEnd"));
  }

  private static CommandSpec<ProductionOrderCommand> spec(
      String type, CommandSpec.DataReader<ProductionOrderCommand> reader) {
    return new CommandSpec<>(type, PRODUCTION_ORDER, ProductionOrder.ENTITY_TYPE_KEY, reader);
  }
}
