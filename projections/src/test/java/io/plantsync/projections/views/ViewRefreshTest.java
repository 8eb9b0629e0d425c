package io.plantsync.projections.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.junit.jupiter.api.Test;

/** Every event refreshes its object's row from the object's current state, whatever the event says. */
class ViewRefreshTest {

  final List<String> asked = new ArrayList<>();
  final List<String> written = new ArrayList<>();

  /** The "state" of an object is its entity id plus a version; objects whose id ends in "-new" have no row. */
  final ViewRefresh<String, String, Object> handler = new ViewRefresh<>(
      entityId -> {
        asked.add(entityId);
        return CompletableFuture.completedFuture(entityId + "@v" + asked.size());
      },
      state -> state.contains("-new@") ? Optional.empty() : Optional.of("row of " + state),
      row -> {
        written.add(row);
        return CompletableFuture.completedFuture(Done.getInstance());
      });

  @Test
  void eachEventRewritesTheRowFromTheCurrentStateOfItsObject() throws Exception {
    process("InventoryLot|1000/RM-7/B1", 1);
    process("InventoryLot|1000/RM-7/B1", 1);

    assertThat(asked).containsExactly("1000/RM-7/B1", "1000/RM-7/B1");
    assertThat(written).containsExactly("row of 1000/RM-7/B1@v1", "row of 1000/RM-7/B1@v2");
  }

  @Test
  void anObjectWithoutARowWritesNothing() throws Exception {
    process("ProductionOrder|1000/OA-new", 1);
    assertThat(asked).containsExactly("1000/OA-new");
    assertThat(written).isEmpty();
  }

  @Test
  void anUnansweredReadFailsTheEventSoItIsDeliveredAgain() {
    var failing = new ViewRefresh<String, String, Object>(
        entityId -> CompletableFuture.failedFuture(new java.util.concurrent.TimeoutException("no answer")),
        Optional::of, row -> CompletableFuture.completedFuture(Done.getInstance()));
    var done = failing.process(EventEnvelope.create(Offset.sequence(1), "QualityHold|1000/QN-1", 1, "event", 0L))
        .toCompletableFuture();
    assertThat(done).isCompletedExceptionally();
  }

  private void process(String persistenceId, long sequenceNr) throws Exception {
    handler.process(EventEnvelope.create(Offset.sequence(sequenceNr), persistenceId, sequenceNr, "event", 0L))
        .toCompletableFuture().get(5, TimeUnit.SECONDS);
  }
}
