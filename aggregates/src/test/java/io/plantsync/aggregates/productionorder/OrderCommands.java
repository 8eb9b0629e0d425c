package io.plantsync.aggregates.productionorder;

import io.plantsync.aggregates.common.CommandReply;
import io.plantsync.aggregates.common.Origin;
import io.plantsync.aggregates.governance.AdapterKind;
import io.plantsync.aggregates.productionorder.ProductionOrderCommand.*;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;

/** Builders for production-order commands as the canonical adapters send them. */
final class OrderCommands {
  private OrderCommands() {}

  static final Instant START = Instant.parse("2026-12-01T06:00:00Z");
  static final Instant END = Instant.parse("2026-12-03T18:00:00Z");

  static Origin from(AdapterKind kind, String messageId) {
    return new Origin(messageId, kind.name().toLowerCase(), kind, null, null);
  }

  static Origin from(AdapterKind kind, String messageId, long sourceVersion) {
    return new Origin(messageId, kind.name().toLowerCase(), kind, sourceVersion, null);
  }

  static OrderHeader header(String quantity) {
    return new OrderHeader("FG-100", new BigDecimal(quantity), "EA", START, END);
  }

  static Plan plan(Origin origin, String quantity, int priority, ActorRef<CommandReply> replyTo) {
    return new Plan(origin, header(quantity), priority, replyTo);
  }

  static Release release(Origin origin, ActorRef<CommandReply> replyTo, String... operations) {
    List<Operation> ops = java.util.Arrays.stream(operations).map(op -> new Operation(op, "WC-" + op)).toList();
    return new Release(origin, null, ops, List.of(new Component("RM-7", new BigDecimal("2.5"), "KG")), replyTo);
  }

  static ConfirmOperation confirm(
      Origin origin, String confirmationId, String operation, String yield, boolean finalConfirmation,
      ActorRef<CommandReply> replyTo) {
    return new ConfirmOperation(origin, confirmationId, operation, "WC-" + operation,
        new BigDecimal(yield), BigDecimal.ZERO, finalConfirmation, replyTo);
  }

  static Origin plantsync(String messageId) {
    return Origin.orchestration(messageId);
  }

  static RecordGoodsReceipt goodsReceipt(String movementId, String quantity, ActorRef<CommandReply> replyTo) {
    return new RecordGoodsReceipt(plantsync("gr-" + movementId), "1000/FG-100/B1", movementId,
        new BigDecimal(quantity), "EA", replyTo);
  }

  static RecordGoodsReceiptReversal goodsReceiptReversal(String movementId, String reversedMovementId, String quantity,
      ActorRef<CommandReply> replyTo) {
    return new RecordGoodsReceiptReversal(plantsync("grr-" + movementId), "1000/FG-100/B1", movementId,
        reversedMovementId, new BigDecimal(quantity), "EA", replyTo);
  }

  static ReportInterruption interruption(String messageId, String id, Instant startedAt, Instant endedAt,
      ActorRef<CommandReply> replyTo) {
    return new ReportInterruption(from(AdapterKind.MES, messageId), id, "WC-0010", "spindle failure", startedAt,
        endedAt, replyTo);
  }
}
