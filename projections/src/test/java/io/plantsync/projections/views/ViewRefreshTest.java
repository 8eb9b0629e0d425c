package io.plantsync.projections.views;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantsync.aggregates.common.EventMeta;
import io.plantsync.aggregates.inventorylot.InventoryLotEvent;
import io.plantsync.aggregates.inventorylot.InventoryLotEvent.LotPlacedOnHold;
import io.plantsync.aggregates.inventorylot.InventoryLotState;
import io.plantsync.aggregates.inventorylot.LotFigures;
import io.plantsync.aggregates.inventorylot.LotKey;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.pekko.Done;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.junit.jupiter.api.Test;

/**
 * A view row is written from the figures its event carries, without asking the object; only an
 * event recorded before events carried figures asks the object for its state.
 */
class ViewRefreshTest {

  static final String LOT = "InventoryLot|1000/RM-7/B1";
  static final Instant RECORDED = Instant.parse("2026-12-04T08:00:00Z");
  static final LotFigures RECEIVED_AND_HELD = new LotFigures("KG", new BigDecimal("40"), BigDecimal.ZERO,
      new BigDecimal("2"), new BigDecimal("5"), true, BigDecimal.ZERO);

  final List<String> asked = new ArrayList<>();
  final List<InventoryLotRow> written = new ArrayList<>();

  ViewRefresh<InventoryLotState, InventoryLotRow, InventoryLotEvent> handler(
      Function<String, CompletionStage<InventoryLotState>> state) {
    return new ViewRefresh<>(
        Views.fromFigures(LotKey.class, LotFigures.class, InventoryLotRow::of),
        entityId -> {
          asked.add(entityId);
          return state.apply(entityId);
        },
        InventoryLotRow::of,
        row -> {
          written.add(row);
          return CompletableFuture.completedFuture(Done.getInstance());
        });
  }

  @Test
  void anEventWithFiguresWritesTheRowFromThemWithoutAskingTheObject() throws Exception {
    process(handler(id -> CompletableFuture.failedFuture(new AssertionError("not asked"))),
        held(RECEIVED_AND_HELD), 7);

    assertThat(asked).isEmpty();
    assertThat(written).containsExactly(new InventoryLotRow("1000", "RM-7", "B1", "KG", new BigDecimal("40"),
        BigDecimal.ZERO, new BigDecimal("2"), new BigDecimal("5"), true, BigDecimal.ZERO, 7, RECORDED));
  }

  @Test
  void aLotWithoutAReceiptHasNoRowEvenWhenItsFiguresSayHeld() throws Exception {
    LotFigures notReceived = new LotFigures(null, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
        true, BigDecimal.ZERO);
    process(handler(id -> CompletableFuture.failedFuture(new AssertionError("not asked"))), held(notReceived), 1);
    assertThat(written).isEmpty();
  }

  @Test
  void anEventRecordedBeforeEventsCarriedFiguresAsksTheObject() throws Exception {
    InventoryLotState empty = InventoryLotState.empty("1000", "RM-7", "B1");
    process(handler(id -> CompletableFuture.completedFuture(empty)), held(null), 3);

    assertThat(asked).containsExactly("1000/RM-7/B1");
    assertThat(written).as("an object never received has no row").isEmpty();
  }

  @Test
  void anUnansweredReadFailsTheEventSoItIsDeliveredAgain() {
    var done = handler(id -> CompletableFuture.failedFuture(new TimeoutException("no answer")))
        .process(envelope(held(null), 1)).toCompletableFuture();
    assertThat(done).isCompletedExceptionally();
  }

  private static InventoryLotEvent held(LotFigures figures) {
    EventMeta meta = new EventMeta("m-1", "qms-1", RECORDED, null, null);
    return new LotPlacedOnHold(figures == null ? meta : meta.withFigures(figures), "QN-1");
  }

  private static EventEnvelope<InventoryLotEvent> envelope(InventoryLotEvent event, long sequenceNr) {
    return EventEnvelope.create(Offset.sequence(sequenceNr), LOT, sequenceNr, event, 0L);
  }

  private static void process(ViewRefresh<InventoryLotState, InventoryLotRow, InventoryLotEvent> handler,
      InventoryLotEvent event, long sequenceNr) throws Exception {
    handler.process(envelope(event, sequenceNr)).toCompletableFuture().get(5, TimeUnit.SECONDS);
  }
}
