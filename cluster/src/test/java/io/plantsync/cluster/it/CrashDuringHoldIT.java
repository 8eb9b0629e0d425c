package io.plantsync.cluster.it;

import static io.plantsync.cluster.it.Envelopes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import io.plantsync.cluster.local.NodeProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The node is killed (SIGKILL) while a quality hold over 200 lots is being propagated. After a
 * restart, orchestration resumes from its stored offset: every lot is held, exactly once.
 */
@ExtendWith(SharedCassandra.class)
class CrashDuringHoldIT {

  static final int LOTS = 200;

  @Test
  @Timeout(value = 6, unit = java.util.concurrent.TimeUnit.MINUTES)
  void everyLotIsHeldExactlyOnceAfterACrashMidPropagation() throws Exception {
    Path log = TestNodes.log("crash-during-hold");
    String hold = "QN-CRASH-" + System.nanoTime() % 100000;
    List<String> batches = IntStream.range(0, LOTS).mapToObj(i -> "K" + hold.substring(9) + "-" + i).toList();
    String lots = String.join(", ", batches.stream()
        .map(b -> "{\"material\": \"RM-C\", \"batch\": \"" + b + "\"}").toList());

    long heldWhenKilled;
    // Few lots at a time, so the propagation takes long enough to be cut in the middle.
    try (NodeProcess first = TestNodes.startAlone(SharedCassandra.node(), log,
        Map.of("plantsync.projections.orchestration-parallelism", "2"))) {
      ApiClient api = new ApiClient(first.httpUri());
      var placed = api.command("dev-qms-token", command("Q-" + hold, "quality-hold.place", hold("1000", hold),
          "{\"reason\": \"crash test\", \"lots\": [" + lots + "]}"));
      assertThat(placed.status()).isEqualTo(200);
      // Kill as soon as the first lot has its hold event in the journal.
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
          .until(() -> lotsWithEvents(batches.subList(0, 1)) > 0);
      first.kill();
    }
    heldWhenKilled = lotsWithEvents(batches);

    try (NodeProcess second = TestNodes.startAlone(SharedCassandra.node(), log, Map.of())) {
      ApiClient api = new ApiClient(second.httpUri());
      List<String> notYet = new ArrayList<>(batches);
      await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
        notYet.removeIf(batch -> {
          try {
            JsonNode lot = api.get("dev-wms-token", "/v1/inventory-lots/1000/RM-C/" + batch).body();
            return lot.path("held").asBoolean();
          } catch (Exception e) {
            return false;
          }
        });
        assertThat(notYet).as("lots not held yet").isEmpty();
      });
      for (String batch : batches) {
        JsonNode lot = api.get("dev-wms-token", "/v1/inventory-lots/1000/RM-C/" + batch).body();
        assertThat(lot.path("holds").size()).isEqualTo(1);
        assertThat(lot.path("objectVersion").asLong()).as("one hold event for " + batch).isEqualTo(1);
      }
    }
    System.out.println("All " + LOTS + " lots held exactly once after the crash; " + heldWhenKilled
        + " were held when the node was killed");
  }

  private static CqlSession journal;

  /** How many of the lots have an event in the journal, read straight from Cassandra. */
  private static synchronized long lotsWithEvents(List<String> batches) {
    if (journal == null) {
      journal = SharedCassandra.direct(SharedCassandra.node(), CqlSession.builder()).build();
    }
    var query = journal.prepare(
        "SELECT sequence_nr FROM plantsync.messages WHERE persistence_id = ? AND partition_nr = 0 LIMIT 1");
    return batches.stream()
        .filter(b -> journal.execute(query.bind("InventoryLot|1000/RM-C/" + b)).one() != null)
        .count();
  }

  @AfterAll
  static void closeJournalSession() {
    if (journal != null) journal.close();
  }
}
