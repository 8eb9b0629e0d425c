package io.plantsync.cluster.it;

import static io.plantsync.cluster.it.Envelopes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Holds reach lots and orders, and goods receipts and their reversals reach orders, through the projections. */
class OrchestrationIT extends NodeIT {

  static final Duration PROPAGATION = Duration.ofSeconds(60);

  static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  private static JsonNode read(String path) throws Exception {
    return api.get("dev-erp-token", path).body();
  }

  /** Receives into the lot; returns the receipt's movementId. */
  private static String receive(String material, String batch, String quantity, String order) throws Exception {
    String movementId = "GR-" + unique();
    String data = "{\"movementId\": \"" + movementId + "\", \"quantity\": " + quantity
        + ", \"uom\": \"EA\", \"storageLocation\": \"L1\"" + (order == null ? "" : ", \"order\": \"" + order + "\"") + "}";
    assertThat(api.command("dev-wms-token", command("W-" + unique(), "inventory-lot.receive",
        lot("1000", material, batch), data)).status()).isEqualTo(200);
    return movementId;
  }

  @Test
  void aHoldReachesEveryLotAndOrderInItsScopeAndARejectBlocksTheStock() throws Exception {
    String run = unique();
    List<String> batches = List.of("A" + run, "B" + run, "C" + run);
    for (String batch : batches) receive("RM-7", batch, "40", null);
    String order = "HO-" + run;
    api.command("dev-planning-token", plan("P-" + run, "1000", order, "100", 1));
    api.command("dev-erp-token", release("E-" + run, "1000", order));

    String lots = batches.stream().map(b -> "{\"material\": \"RM-7\", \"batch\": \"" + b + "\"}")
        .reduce((a, b) -> a + ", " + b).orElseThrow();
    assertThat(api.command("dev-qms-token", command("Q-1-" + run, "quality-hold.place", hold("1000", "QN-" + run),
        "{\"reason\": \"weld porosity\", \"lots\": [" + lots + "], \"orders\": [\"" + order + "\"]}")).status())
        .isEqualTo(200);

    await().atMost(PROPAGATION).untilAsserted(() -> {
      for (String batch : batches) {
        JsonNode lot = read("/v1/inventory-lots/1000/RM-7/" + batch);
        assertThat(lot.path("held").asBoolean()).as(batch).isTrue();
        assertThat(lot.path("atp").decimalValue()).isEqualByComparingTo("0");
      }
      assertThat(read("/v1/production-orders/1000/" + order).path("holds").get(0).asText()).isEqualTo("QN-" + run);
    });
    assertThat(api.command("dev-mes-1000-token", confirm("M-" + run, "1000", order, "C-1", "0010", "1", false)).code())
        .isEqualTo("object-on-hold");
    assertThat(api.command("dev-wms-token", command("W-I-" + run, "inventory-lot.issue",
        lot("1000", "RM-7", batches.get(0)), "{\"movementId\": \"GI-" + run + "\", \"quantity\": 1, \"storageLocation\": \"L1\"}"))
        .code()).isEqualTo("object-on-hold");

    assertThat(api.command("dev-qms-token", command("Q-2-" + run, "quality-hold.release", hold("1000", "QN-" + run),
        "{\"decision\": \"REJECT\", \"note\": \"scrap\"}")).status()).isEqualTo(200);
    await().atMost(PROPAGATION).untilAsserted(() -> {
      for (String batch : batches) {
        JsonNode lot = read("/v1/inventory-lots/1000/RM-7/" + batch);
        assertThat(lot.path("held").asBoolean()).isFalse();
        assertThat(lot.path("blocked").decimalValue()).isEqualByComparingTo("40");
        assertThat(lot.path("unrestricted").decimalValue()).isEqualByComparingTo("0");
      }
      assertThat(read("/v1/production-orders/1000/" + order).path("held").asBoolean()).isFalse();
    });
    assertThat(api.command("dev-mes-1000-token", confirm("M-" + run, "1000", order, "C-1", "0010", "1", false)).status())
        .isEqualTo(200);

    // The answers put the hold in force; the projection delivers the same commands after them (as repeats).
    await().atMost(PROPAGATION).untilAsserted(() -> {
      assertThat(holdPropagation()).isNotNull();
      assertThat(holdPropagation().path("handled").asLong()).isGreaterThanOrEqualTo(2);
    });
    JsonNode propagation = holdPropagation();
    assertThat(propagation.path("lagP99Millis").asLong()).isPositive();
    // Offsets are saved in batches after handling, so the backlog reaches 0 shortly after.
    await().atMost(PROPAGATION).untilAsserted(() -> assertThat(holdPropagation().path("backlog").asLong()).isZero());
    System.out.printf("hold-propagation lag p50 %d ms, p99 %d ms%n", propagation.path("lagP50Millis").asLong(),
        propagation.path("lagP99Millis").asLong());
    assertThat(api.get("dev-erp-token", "/v1/ops/sync-status").code()).isEqualTo("not-system-of-record");
  }

  private static JsonNode holdPropagation() throws Exception {
    for (JsonNode projection : api.get("dev-operator-token", "/v1/ops/sync-status").body().path("projections")) {
      if (projection.path("projection").asText().equals("hold-propagation")) return projection;
    }
    return null;
  }

  @Test
  void aGoodsReceiptAgainstAnOrderAddsToItsDeliveredQuantity() throws Exception {
    String run = unique();
    String order = "GO-" + run;
    api.command("dev-planning-token", plan("P-" + run, "1000", order, "100", 1));
    api.command("dev-erp-token", release("E-" + run, "1000", order));
    receive("FG-100", "F" + run, "60", order);
    String second = receive("FG-100", "G" + run, "40", order);
    await().atMost(PROPAGATION).untilAsserted(() -> {
      JsonNode read = read("/v1/production-orders/1000/" + order);
      assertThat(read.path("deliveredQuantity").decimalValue()).isEqualByComparingTo("100");
      assertThat(read.path("deliveryStatus").asText()).isEqualTo("DELIVERED");
    });

    assertThat(api.command("dev-erp-token", command("E-R-" + run, "inventory-lot.reverse", lot("1000", "FG-100", "G" + run),
        "{\"movementId\": \"GRR-" + run + "\", \"reversedMovementId\": \"" + second + "\"}")).status()).isEqualTo(200);
    await().atMost(PROPAGATION).untilAsserted(() -> {
      JsonNode read = read("/v1/production-orders/1000/" + order);
      assertThat(read.path("deliveredQuantity").decimalValue()).isEqualByComparingTo("60");
      assertThat(read.path("deliveryStatus").asText()).isEqualTo("PARTIALLY_DELIVERED");
    });
  }
}
