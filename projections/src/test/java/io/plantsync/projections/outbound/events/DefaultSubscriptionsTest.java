package io.plantsync.projections.outbound.events;

import static io.plantsync.projections.outbound.events.PublicEventTypes.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.plantsync.aggregates.governance.AdapterKind;
import org.junit.jupiter.api.Test;

/** The default subscriptions (src/docs/outbound.md): what a subscriber gets when it names no types. */
class DefaultSubscriptionsTest {

  @Test
  void erpGetsConfirmationsInterruptionsGoodsMovementsCountsAndHoldDecisions() {
    assertThat(DefaultSubscriptions.typesFor(AdapterKind.ERP)).containsExactlyInAnyOrder(
        OPERATION_CONFIRMED, INTERRUPTION_REPORTED,
        GOODS_RECEIVED, GOODS_ISSUED, STOCK_TRANSFERRED, STOCK_TYPE_CHANGED, STOCK_SCRAPPED, MOVEMENT_REVERSED,
        GOODS_RECEIPT_RECORDED, GOODS_RECEIPT_REVERSED, LOT_RELEASED_FROM_HOLD, STOCK_COUNTED,
        HOLD_PLACED, HOLD_EXTENDED, HOLD_RELEASED);
  }

  @Test
  void mesGetsReleasesReprioritisationsCancellationsAndHoldsOnAndOff() {
    assertThat(DefaultSubscriptions.typesFor(AdapterKind.MES)).containsExactlyInAnyOrder(
        ORDER_RELEASED, ORDER_REPRIORITIZED, ORDER_CANCELLED,
        ORDER_PLACED_ON_HOLD, ORDER_RELEASED_FROM_HOLD, LOT_PLACED_ON_HOLD, LOT_RELEASED_FROM_HOLD);
  }

  @Test
  void analyticsGetsEveryPublicType() {
    assertThat(DefaultSubscriptions.typesFor(AdapterKind.ANALYTICS))
        .containsExactlyInAnyOrderElementsOf(PublicEventTypes.ALL);
  }

  @Test
  void theOtherKindsHaveNoDefaultAndEveryDefaultIsAPublicType() {
    for (AdapterKind kind : AdapterKind.values()) {
      assertThat(PublicEventTypes.ALL).as(kind.name()).containsAll(DefaultSubscriptions.typesFor(kind));
    }
    for (AdapterKind kind : new AdapterKind[] {
        AdapterKind.WMS, AdapterKind.PLANNING, AdapterKind.QMS, AdapterKind.SUPPLIER, AdapterKind.OPERATOR}) {
      assertThat(DefaultSubscriptions.typesFor(kind)).as(kind.name()).isEmpty();
    }
  }
}
