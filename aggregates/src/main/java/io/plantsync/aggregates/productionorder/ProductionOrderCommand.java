package io.plantsync.aggregates.productionorder;

import io.plantsync.aggregates.CborSerializable;
import io.plantsync.aggregates.common.AdapterCommand;
import io.plantsync.aggregates.common.CommandReply;
import io.plantsync.aggregates.common.GovernedCommand;
import io.plantsync.aggregates.common.OrchestrationCommand;
import io.plantsync.aggregates.common.Origin;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;

/** Everything a production order entity understands. */
public sealed interface ProductionOrderCommand extends CborSerializable {

  /** A command that changes the order: it passes the CommandGate and causes at most one event. */
  sealed interface GovernedOrderCommand extends ProductionOrderCommand, GovernedCommand {}

  /** Sent by an adapter: checked against the system-of-record matrix. */
  sealed interface OrderAdapterCommand extends GovernedOrderCommand, AdapterCommand {}

  /**
   * PlantSync's own orchestration (goods receipts and quality holds onto orders), never reachable
   * over HTTP: not checked against the system-of-record matrix.
   */
  sealed interface OrderOrchestrationCommand extends GovernedOrderCommand, OrchestrationCommand {}

  /** Create the order as PLANNED, or replace its planning fields. */
  record Plan(Origin origin, OrderHeader header, int priority, ActorRef<CommandReply> replyTo)
      implements OrderAdapterCommand {
    public String type() {
      return CommandTypes.PLAN;
    }
  }

  /** Release the order to the shop floor; {@code header} is needed only if the order is new. */
  record Release(
      Origin origin,
      OrderHeader header,
      List<Operation> operations,
      List<Component> components,
      ActorRef<CommandReply> replyTo)
      implements OrderAdapterCommand {
    public Release {
      operations = List.copyOf(operations);
      components = List.copyOf(components);
    }

    public String type() {
      return CommandTypes.RELEASE;
    }
  }

  /** A shop-floor confirmation of one operation; {@code confirmationId} is unique per order. */
  record ConfirmOperation(
      Origin origin,
      String confirmationId,
      String operation,
      String workCenter,
      BigDecimal yield,
      BigDecimal scrap,
      boolean finalConfirmation,
      ActorRef<CommandReply> replyTo)
      implements OrderAdapterCommand {
    public String type() {
      return CommandTypes.CONFIRM_OPERATION;
    }

    @Override
    public String businessKey() {
      return BusinessKeys.confirmation(confirmationId);
    }
  }

  /** Technically complete the order (TECO). */
  record Complete(Origin origin, ActorRef<CommandReply> replyTo) implements OrderAdapterCommand {
    public String type() {
      return CommandTypes.COMPLETE;
    }
  }

  /** Close a technically complete order. */
  record Close(Origin origin, ActorRef<CommandReply> replyTo) implements OrderAdapterCommand {
    public String type() {
      return CommandTypes.CLOSE;
    }
  }

  /** Cancel an order nobody has confirmed work on yet. */
  record Cancel(Origin origin, String reason, ActorRef<CommandReply> replyTo)
      implements OrderAdapterCommand {
    public String type() {
      return CommandTypes.CANCEL;
    }
  }

  /** New priority and optionally new dates from planning (state-replacing: sourceVersion applies). */
  record Reprioritize(
      Origin origin, int priority, Instant scheduledStart, Instant scheduledEnd, ActorRef<CommandReply> replyTo)
      implements OrderAdapterCommand {
    public String type() {
      return CommandTypes.REPRIORITIZE;
    }
  }

  /**
   * A maintenance interruption; sent once when it starts and again with {@code endedAt} under the
   * same id. Each of the two is a fact of its own for idempotency.
   */
  record ReportInterruption(
      Origin origin, String interruptionId, String workCenter, String reason, Instant startedAt,
      Instant endedAt, ActorRef<CommandReply> replyTo)
      implements OrderAdapterCommand {
    public String type() {
      return CommandTypes.REPORT_INTERRUPTION;
    }

    @Override
    public String businessKey() {
      return BusinessKeys.interruption(interruptionId, endedAt);
    }
  }

  /** Orchestration: goods were received into {@code lot} against this order (movement 101). */
  record RecordGoodsReceipt(
      Origin origin, String lot, String movementId, BigDecimal quantity, String uom, ActorRef<CommandReply> replyTo)
      implements OrderOrchestrationCommand {
    public String type() {
      return CommandTypes.RECORD_GOODS_RECEIPT;
    }

    @Override
    public String businessKey() {
      return BusinessKeys.goodsReceipt(lot, movementId);
    }

  }

  /**
   * Orchestration: the goods receipt {@code reversedMovementId} into {@code lot} against this order
   * was reversed by movement {@code movementId} (102); {@code quantity} is what it took back.
   */
  record RecordGoodsReceiptReversal(
      Origin origin,
      String lot,
      String movementId,
      String reversedMovementId,
      BigDecimal quantity,
      String uom,
      ActorRef<CommandReply> replyTo)
      implements OrderOrchestrationCommand {
    public String type() {
      return CommandTypes.RECORD_GOODS_RECEIPT_REVERSAL;
    }

    @Override
    public String businessKey() {
      return BusinessKeys.goodsReceiptReversal(lot, movementId);
    }

  }

  /** Orchestration: quality hold {@code hold} covers this order. */
  record PlaceOnHold(Origin origin, String hold, ActorRef<CommandReply> replyTo) implements OrderOrchestrationCommand {
    public String type() {
      return CommandTypes.PLACE_ON_HOLD;
    }

    @Override
    public String businessKey() {
      return BusinessKeys.holdPlaced(hold);
    }

  }

  /** Orchestration: quality hold {@code hold} was released. */
  record ReleaseFromHold(Origin origin, String hold, ActorRef<CommandReply> replyTo)
      implements OrderOrchestrationCommand {
    public String type() {
      return CommandTypes.RELEASE_FROM_HOLD;
    }

    @Override
    public String businessKey() {
      return BusinessKeys.holdReleased(hold);
    }

  }

  /** Read the authoritative state; answered even if the order does not exist. */
  record Get(ActorRef<ProductionOrderState> replyTo) implements ProductionOrderCommand {}
}
