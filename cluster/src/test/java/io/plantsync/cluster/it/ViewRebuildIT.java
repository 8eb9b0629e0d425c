package io.plantsync.cluster.it;

import static io.plantsync.cluster.it.Envelopes.command;
import static io.plantsync.cluster.it.Envelopes.lot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import io.plantsync.cluster.tools.RebuildView;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A view rebuilt from the journal with {@code bin/plantsync views rebuild}'s code: a row damaged by
 * hand with a timestamp no replay would beat comes back right, and the rebuild reports its progress
 * until every tag has caught up.
 */
class ViewRebuildIT extends NodeIT {

  static final String run = UUID.randomUUID().toString().substring(0, 8);
  static final String material = "RM-RB" + run;

  @Test
  void aRebuildRestoresADamagedRowFromTheEvents() throws Exception {
    accept(api.command("dev-wms-token", command("WMS-RB1-" + run, "inventory-lot.receive", lot("1000", material, "B1"),
        "{\"movementId\": \"GR-RB1-" + run + "\", \"quantity\": 40, \"uom\": \"KG\", \"storageLocation\": \"L1\", "
            + "\"stockType\": \"UNRESTRICTED\"}")));
    accept(api.command("dev-wms-token", command("WMS-RB2-" + run, "inventory-lot.issue", lot("1000", material, "B1"),
        "{\"movementId\": \"GI-RB2-" + run + "\", \"quantity\": 15, \"storageLocation\": \"L1\"}")));
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(position().path("unrestricted").decimalValue()).isEqualByComparingTo("25"));

    try (CqlSession cql = SharedCassandra.direct(SharedCassandra.node(), CqlSession.builder()).build()) {
      cql.execute("INSERT INTO plantsync.view_inventory_lots (plant, material, batch_number, uom, unrestricted, "
          + "quality, blocked, reserved, held, atp, object_version) VALUES ('1000', '" + material + "', 'B1', 'KG', "
          + "999, 0, 0, 0, false, 999, 2) USING TIMESTAMP 1000000");
    }
    assertThat(position().path("unrestricted").decimalValue()).as("damaged").isEqualByComparingTo("999");

    assertThat(RebuildView.run(node.baseUri().toString().replaceAll("/+$", ""), "inventory-lot-view",
        "dev-operator-token")).isZero();

    JsonNode rebuilt = position();
    assertThat(rebuilt.path("unrestricted").decimalValue()).isEqualByComparingTo("25");
    assertThat(rebuilt.path("atp").decimalValue()).isEqualByComparingTo("25");
    assertThat(rebuilt.path("lots").asInt()).isEqualTo(1);
  }

  @Test
  void onlyOperatorsRebuildAndOnlyViewsCanBeRebuilt() throws Exception {
    assertThat(post("/v1/ops/views/inventory-lot-view/rebuild", "dev-erp-token").statusCode()).isEqualTo(403);
    HttpResponse<String> unknown = post("/v1/ops/views/orders/rebuild", "dev-operator-token");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("unknown-object").contains("inventory-lot-view");
    assertThat(api.get("dev-operator-token", "/v1/ops/views/quality-hold-view/rebuild").body().path("tags"))
        .as("progress of a view that is not being rebuilt").hasSize(8);
  }

  /** The material's inventory position: its one lot's figures. */
  private static JsonNode position() throws Exception {
    var page = api.get("dev-erp-token", "/v1/views/inventory-positions?plant=1000&material=" + material);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body().path("items")).as("positions of " + material).hasSize(1);
    return page.body().path("items").get(0);
  }

  private static HttpResponse<String> post(String path, String token) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(node.baseUri().resolve(path))
        .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void accept(ApiClient.Response response) {
    assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
  }
}
