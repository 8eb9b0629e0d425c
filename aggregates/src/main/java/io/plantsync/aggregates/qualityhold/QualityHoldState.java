package io.plantsync.aggregates.qualityhold;

import static io.plantsync.aggregates.common.Decision.persist;
import static io.plantsync.aggregates.common.Decision.reject;
import static io.plantsync.aggregates.common.ErrorCode.*;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.plantsync.aggregates.CborSerializable;
import io.plantsync.aggregates.common.Bookkeeping;
import io.plantsync.aggregates.common.CommandGate;
import io.plantsync.aggregates.common.Decision;
import io.plantsync.aggregates.common.EventMeta;
import io.plantsync.aggregates.common.GovernedState;
import io.plantsync.aggregates.common.UsageDecision;
import io.plantsync.aggregates.productionorder.OrderKey;
import io.plantsync.aggregates.qualityhold.QualityHoldCommand.*;
import io.plantsync.aggregates.qualityhold.QualityHoldEvent.*;
import java.time.Instant;
import java.util.List;

/**
 * The authoritative state of one quality hold. {@code status} is null until the QMS places it;
 * {@code decision} and {@code note} are set once it is released. {@code placedAt} and
 * {@code releasedAt} are when PlantSync recorded those events (the QMS's own time, if it sent one,
 * is on the event as {@code occurredAt}). The {@code decide*} methods validate; {@link #changedBy}
 * never does.
 */
public record QualityHoldState(
    String plant,
    String hold,
    HoldStatus status,
    String reason,
    HoldScope scope,
    UsageDecision decision,
    String note,
    Instant placedAt,
    Instant releasedAt,
    @JsonUnwrapped Bookkeeping bookkeeping)
    implements CborSerializable, GovernedState<QualityHoldState, QualityHoldEvent> {

  public static QualityHoldState empty(String plant, String hold) {
    return new QualityHoldState(plant, hold, null, null, HoldScope.NONE, null, null, null, null, Bookkeeping.NONE);
  }

  public boolean exists() {
    return status != null;
  }

  /** Entity ids ({@code plant/material/batch}) of the inventory lots in scope, in scope order. */
  public List<String> lotEntityIds() {
    return scope.lots().stream().map(lot -> lot.entityIdIn(plant)).toList();
  }

  /** Entity ids ({@code plant/order}) of the production orders in scope, in scope order. */
  public List<String> orderEntityIds() {
    return scope.orders().stream().map(order -> new OrderKey(plant, order).entityId()).toList();
  }

  @Override
  public HoldFigures figures() {
    return HoldFigures.of(this);
  }

  // ---- decisions ----

  /** What this hold decides about {@code cmd}; {@link CommandGate} has checked owner and duplicates. */
  public Decision<QualityHoldEvent> decide(GovernedHoldCommand cmd, EventMeta meta) {
    if (cmd instanceof PlaceHold c) return decidePlace(c, meta);
    if (cmd instanceof ExtendHold c) return decideExtend(c, meta);
    if (cmd instanceof ReleaseHold c) return decideRelease(c, meta);
    throw new IllegalArgumentException("unhandled command " + cmd.getClass().getName());
  }

  // A malformed request (empty scope, no usage decision) is refused before the status is looked
  // at: it stays wrong whatever the status, so that is the answer the adapter can act on.

  Decision<QualityHoldEvent> decidePlace(PlaceHold cmd, EventMeta meta) {
    if (cmd.scope().coversNothing()) return emptyScope(cmd.type());
    if (!HoldLifecycle.allows(status, cmd.type())) {
      return reject(INVALID_TRANSITION, "quality hold " + plant + "/" + hold + " already exists (" + status
          + "); a new problem needs a new hold number");
    }
    return persist(new HoldPlaced(meta, cmd.reason(), cmd.scope().lots(), cmd.scope().orders()));
  }

  /**
   * Only the entries not yet in scope go on the event. An extend that names nothing new is still
   * applied (with an event adding nothing), so the QMS gets "applied" and its retry a duplicate.
   */
  Decision<QualityHoldEvent> decideExtend(ExtendHold cmd, EventMeta meta) {
    if (cmd.scope().coversNothing()) return emptyScope(cmd.type());
    if (!exists()) return unknownObject();
    if (!HoldLifecycle.allows(status, cmd.type())) return transitionRefused(cmd.type());
    HoldScope added = cmd.scope().notIn(scope);
    return persist(new HoldExtended(meta, added.lots(), added.orders()));
  }

  Decision<QualityHoldEvent> decideRelease(ReleaseHold cmd, EventMeta meta) {
    if (cmd.decision() == null) {
      return reject(INVALID_REQUEST, "a usage decision (ACCEPT or REJECT) is required to release a hold");
    }
    if (!exists()) return unknownObject();
    if (!HoldLifecycle.allows(status, cmd.type())) return transitionRefused(cmd.type());
    return persist(new HoldReleased(meta, cmd.decision(), cmd.note(), scope.lots(), scope.orders()));
  }

  private Decision<QualityHoldEvent> emptyScope(String commandType) {
    return reject(INVALID_REQUEST, commandType + " must name at least one lot or order in lots or orders");
  }

  private Decision<QualityHoldEvent> unknownObject() {
    return reject(UNKNOWN_OBJECT, "quality hold " + plant + "/" + hold + " does not exist");
  }

  private Decision<QualityHoldEvent> transitionRefused(String commandType) {
    return reject(INVALID_TRANSITION,
        commandType + " is not allowed while the hold is " + status + "; allowed from "
            + HoldLifecycle.allowedFrom(commandType));
  }

  // ---- event handling: no validation, never fails ----

  @Override
  public QualityHoldState changedBy(QualityHoldEvent event) {
    if (event instanceof HoldPlaced e) {
      return withStatus(HoldStatus.PLACED).withReason(e.reason()).withScope(new HoldScope(e.lots(), e.orders()))
          .withPlacedAt(e.meta().recordedAt());
    }
    if (event instanceof HoldExtended e) return withScope(scope.plus(new HoldScope(e.addedLots(), e.addedOrders())));
    if (event instanceof HoldReleased e) {
      return withStatus(HoldStatus.RELEASED).withDecision(e.decision(), e.note()).withReleasedAt(e.meta().recordedAt());
    }
    throw GovernedState.unknownEvent(event);
  }

  @Override
  public QualityHoldState with(Bookkeeping newBookkeeping) {
    return new QualityHoldState(plant, hold, status, reason, scope, decision, note, placedAt, releasedAt,
        newBookkeeping);
  }

  private QualityHoldState withStatus(HoldStatus newStatus) {
    return new QualityHoldState(plant, hold, newStatus, reason, scope, decision, note, placedAt, releasedAt,
        bookkeeping);
  }

  private QualityHoldState withReason(String newReason) {
    return new QualityHoldState(plant, hold, status, newReason, scope, decision, note, placedAt, releasedAt,
        bookkeeping);
  }

  private QualityHoldState withScope(HoldScope newScope) {
    return new QualityHoldState(plant, hold, status, reason, newScope, decision, note, placedAt, releasedAt,
        bookkeeping);
  }

  private QualityHoldState withDecision(UsageDecision newDecision, String newNote) {
    return new QualityHoldState(plant, hold, status, reason, scope, newDecision, newNote, placedAt, releasedAt,
        bookkeeping);
  }

  private QualityHoldState withPlacedAt(Instant at) {
    return new QualityHoldState(plant, hold, status, reason, scope, decision, note, at, releasedAt, bookkeeping);
  }

  private QualityHoldState withReleasedAt(Instant at) {
    return new QualityHoldState(plant, hold, status, reason, scope, decision, note, placedAt, at, bookkeeping);
  }
}
