package io.plantsync.cluster.it;

import static io.plantsync.cluster.it.Envelopes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The query views, end to end: commands over HTTP, the view projections, the view tables in the
 * real Cassandra, the query endpoints. Objects are unique per run, so other tests' data in plant
 * 1000 does not change the figures checked here.
 */
class ViewsIT extends NodeIT {

  static final Duration VIEW_LAG = Duration.ofSeconds(60);
  static final String ERP = "dev-erp-token";
  static final String run = UUID.randomUUID().toString().substring(0, 8);
  static final String material = "RM-V" + run;
  static final String otherMaterial = "RM-W" + run;
  static final String released = "VO1-" + run;
  static final String partlyConfirmed = "VO2-" + run;
  static final String planned = "VO3-" + run;
  static final String hold = "VQ1-" + run;
  static final String releasedHold = "VQ2-" + run;

  @BeforeAll
  static void sendCommands() throws Exception {
    receive(material, "A", "40", "UNRESTRICTED");
    receive(material, "B", "25", "UNRESTRICTED");
    receive(material, "B", "5", "QUALITY");
    receive(material, "C", "10", "UNRESTRICTED");
    receive(otherMaterial, "A", "7", "UNRESTRICTED");
    accept(api.command(ERP, command("ERP-RES-" + run, "inventory-lot.reserve", lot("1000", material, "A"),
        "{\"reservationId\": \"R-1\", \"quantity\": 8, \"order\": \"" + released + "\"}")));

    accept(api.command("dev-planning-token", plan("PLN-1-" + run, "1000", released, "100", 1)));
    accept(api.command(ERP, release("ERP-1-" + run, "1000", released)));
    accept(api.command("dev-planning-token", plan("PLN-2-" + run, "1000", partlyConfirmed, "50", 1)));
    accept(api.command(ERP, release("ERP-2-" + run, "1000", partlyConfirmed)));
    String mes = "dev-mes-1000-token";
    accept(api.command(mes, confirm("MES-1-" + run, "1000", partlyConfirmed, "C-1", "0010", "20", true)));
    accept(api.command(mes, confirm("MES-2-" + run, "1000", partlyConfirmed, "C-2", "0020", "18", false)));
    accept(api.command("dev-planning-token", plan("PLN-3-" + run, "1000", planned, "30", 1)));

    accept(api.command("dev-qms-token", command("QMS-1-" + run, "quality-hold.place", hold("1000", hold),
        "{\"reason\": \"porosity\", \"lots\": [{\"material\": \"" + material + "\", \"batch\": \"B\"}], "
            + "\"orders\": [\"" + released + "\"]}")));
    accept(api.command("dev-qms-token", command("QMS-2-" + run, "quality-hold.place", hold("1000", releasedHold),
        "{\"reason\": \"label check\", \"orders\": [\"" + planned + "\"]}")));
    accept(api.command("dev-qms-token", command("QMS-3-" + run, "quality-hold.release", hold("1000", releasedHold),
        "{\"decision\": \"ACCEPT\", \"note\": \"labels fine\"}")));
  }

  @Test
  void theInventoryPositionSumsTheLotsOfTheMaterialAndHeldStockPromisesNothing() throws Exception {
    await().atMost(VIEW_LAG).untilAsserted(() -> {
      JsonNode page = view("/v1/views/inventory-positions?plant=1000&material=" + material);
      assertThat(page.path("items")).hasSize(1);
      JsonNode position = page.path("items").get(0);
      assertThat(position.path("lots").asInt()).isEqualTo(3);
      assertThat(position.path("uom").asText()).isEqualTo("KG");
      assertThat(position.path("unrestricted").decimalValue()).isEqualByComparingTo("75");
      assertThat(position.path("quality").decimalValue()).isEqualByComparingTo("5");
      assertThat(position.path("blocked").decimalValue()).isEqualByComparingTo("0");
      assertThat(position.path("reserved").decimalValue()).isEqualByComparingTo("8");
      assertThat(position.path("heldQuantity").decimalValue()).isEqualByComparingTo("30");
      assertThat(position.path("atp").decimalValue()).isEqualByComparingTo("42");
      assertThat(page.path("nextPageToken").isNull()).isTrue();
    });
    // Without a material, the same position is among all of the plant's.
    assertThat(all("/v1/views/inventory-positions?plant=1000", p -> p.path("material").asText().equals(material)))
        .singleElement().satisfies(p -> assertThat(p.path("atp").decimalValue()).isEqualByComparingTo("42"));
  }

  @Test
  void ordersAreListedByStatusWithTheirQuantitiesAndFlags() throws Exception {
    await().atMost(VIEW_LAG).untilAsserted(() -> {
      List<JsonNode> releasedOrders = all("/v1/views/production-orders?plant=1000&status=RELEASED", p -> true);
      assertThat(releasedOrders).allSatisfy(o -> assertThat(o.path("status").asText()).isEqualTo("RELEASED"));
      JsonNode order = only(releasedOrders, released);
      assertThat(order.path("sapStatus").asText()).isEqualTo("REL");
      assertThat(order.path("material").asText()).isEqualTo("FG-100");
      assertThat(order.path("quantity").decimalValue()).isEqualByComparingTo("100");
      assertThat(order.path("uom").asText()).isEqualTo("EA");
      assertThat(order.path("priority").asInt()).isEqualTo(10);
      assertThat(order.path("held").asBoolean()).isTrue();
      assertThat(order.path("interrupted").asBoolean()).isFalse();
      assertThat(releasedOrders).noneMatch(o -> o.path("order").asText().equals(partlyConfirmed)
          || o.path("order").asText().equals(planned));

      JsonNode confirmed = only(all("/v1/views/production-orders?plant=1000&status=PARTIALLY_CONFIRMED", p -> true),
          partlyConfirmed);
      assertThat(confirmed.path("confirmedYield").decimalValue()).isEqualByComparingTo("18");
      assertThat(confirmed.path("confirmedScrap").decimalValue()).isEqualByComparingTo("3");
      assertThat(confirmed.path("deliveredQuantity").decimalValue()).isEqualByComparingTo("0");
      assertThat(confirmed.path("held").asBoolean()).isFalse();

      JsonNode plannedOrder = only(all("/v1/views/production-orders?plant=1000", p -> true), planned);
      assertThat(plannedOrder.path("status").asText()).isEqualTo("PLANNED");
      assertThat(plannedOrder.path("held").asBoolean()).as("its hold was released").isFalse();
      assertThat(plannedOrder.path("objectVersion").asLong()).isEqualTo(3);
    });
  }

  @Test
  void holdsAreListedByStatusWithTheirScopeAndDecision() throws Exception {
    await().atMost(VIEW_LAG).untilAsserted(() -> {
      List<JsonNode> placed = all("/v1/views/quality-holds?plant=1000&status=PLACED", p -> true);
      JsonNode open = only(placed, hold);
      assertThat(open.path("reason").asText()).isEqualTo("porosity");
      assertThat(open.path("lotCount").asInt()).isEqualTo(1);
      assertThat(open.path("orderCount").asInt()).isEqualTo(1);
      assertThat(open.path("decision").isNull()).isTrue();
      assertThat(open.path("placedAt").asText()).isNotEmpty();
      assertThat(placed).noneMatch(h -> h.path("hold").asText().equals(releasedHold));

      JsonNode closed = only(all("/v1/views/quality-holds?plant=1000&status=RELEASED", p -> true), releasedHold);
      assertThat(closed.path("decision").asText()).isEqualTo("ACCEPT");
      assertThat(closed.path("lotCount").asInt()).isEqualTo(0);
      assertThat(closed.path("orderCount").asInt()).isEqualTo(1);
      assertThat(closed.path("releasedAt").asText()).isNotEmpty();
    });
  }

  @Test
  void largeAnswersComeInPagesAndATokenBelongsToItsQuery() throws Exception {
    await().atMost(VIEW_LAG).until(() ->
        all("/v1/views/quality-holds?plant=1000", p -> true).size() >= 2
            && all("/v1/views/inventory-positions?plant=1000", p -> true).size() >= 2
            && all("/v1/views/production-orders?plant=1000", p -> true).size() >= 3);
    for (String view : List.of("production-orders", "quality-holds")) {
      JsonNode first = view("/v1/views/" + view + "?plant=1000&limit=1");
      assertThat(first.path("items")).as(view).hasSize(1);
      String token = first.path("nextPageToken").asText();
      assertThat(token).as(view).isNotEmpty();
      JsonNode second = view("/v1/views/" + view + "?plant=1000&limit=1&pageToken=" + encode(token));
      assertThat(second.path("items")).as(view).hasSize(1);
      assertThat(second.path("items").get(0)).as(view).isNotEqualTo(first.path("items").get(0));
    }
    String orderToken = view("/v1/views/production-orders?plant=1000&limit=1").path("nextPageToken").asText();
    var foreign = api.get(ERP, "/v1/views/quality-holds?plant=1000&limit=1&pageToken=" + encode(orderToken));
    assertThat(foreign.status()).isEqualTo(400);
    assertThat(foreign.body().path("errors").get(0).path("pointer").asText()).isEqualTo("/pageToken");

    // Positions page at material boundaries: a page of one material, then the materials after it.
    JsonNode firstPositions = view("/v1/views/inventory-positions?plant=1000&limit=1");
    assertThat(firstPositions.path("items")).hasSize(1);
    JsonNode next = view("/v1/views/inventory-positions?plant=1000&limit=1&pageToken="
        + encode(firstPositions.path("nextPageToken").asText()));
    assertThat(next.path("items").get(0).path("material").asText())
        .isGreaterThan(firstPositions.path("items").get(0).path("material").asText());
  }

  @Test
  void viewsArePlantScopedAndNeedAPlant() throws Exception {
    var foreign = api.get("dev-mes-2000-token", "/v1/views/production-orders?plant=1000");
    assertThat(foreign.status()).isEqualTo(403);
    assertThat(foreign.code()).isEqualTo("plant-not-allowed");

    var missing = api.get(ERP, "/v1/views/inventory-positions?material=" + material);
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.code()).isEqualTo("invalid-request");
    assertThat(missing.body().path("errors").get(0).path("pointer").asText()).isEqualTo("/plant");

    var badStatus = api.get(ERP, "/v1/views/quality-holds?plant=1000&status=OPEN");
    assertThat(badStatus.status()).isEqualTo(400);
    assertThat(badStatus.body().path("errors").get(0).path("message").asText()).contains("PLACED, RELEASED");
  }

  /** How long a command takes to show in its view (3 samples each); printed for the record, bounded by VIEW_LAG. */
  @Test
  void viewLag() throws Exception {
    List<Long> orderLags = new ArrayList<>();
    List<Long> lotLags = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      String order = "VL" + i + "-" + run;
      long start = System.nanoTime();
      accept(api.command("dev-planning-token", plan("PLN-L" + i + "-" + run, "1000", order, "5", 1)));
      await().atMost(VIEW_LAG).pollInterval(Duration.ofMillis(20)).until(() ->
          !all("/v1/views/production-orders?plant=1000&status=PLANNED", o -> o.path("order").asText().equals(order))
              .isEmpty());
      orderLags.add((System.nanoTime() - start) / 1_000_000);

      String lagMaterial = "RM-L" + i + run;
      start = System.nanoTime();
      receive(lagMaterial, "L", "3", "UNRESTRICTED");
      await().atMost(VIEW_LAG).pollInterval(Duration.ofMillis(20)).until(() ->
          view("/v1/views/inventory-positions?plant=1000&material=" + lagMaterial).path("items").size() == 1);
      lotLags.add((System.nanoTime() - start) / 1_000_000);
    }
    System.out.printf("ViewsIT view lag in ms (command sent -> row visible): production order %s, inventory lot %s%n",
        orderLags, lotLags);
  }

  // ---- helpers ----

  private static void receive(String material, String batch, String quantity, String stockType) throws Exception {
    String movement = material + "-" + batch + "-" + stockType;
    accept(api.command("dev-wms-token", command("WMS-" + movement, "inventory-lot.receive",
        lot("1000", material, batch), "{\"movementId\": \"GR-" + movement + "\", \"quantity\": " + quantity
            + ", \"uom\": \"KG\", \"storageLocation\": \"L1\", \"stockType\": \"" + stockType + "\"}")));
  }

  private static void accept(ApiClient.Response response) {
    assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
  }

  private static JsonNode view(String path) throws Exception {
    var response = api.get(ERP, path);
    assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
    return response.body();
  }

  /** Every item of every page of the view, in pages of 1000, that matches. */
  private static List<JsonNode> all(String path, Predicate<JsonNode> matching) throws Exception {
    List<JsonNode> items = new ArrayList<>();
    String token = null;
    do {
      JsonNode page = view(path + "&limit=1000" + (token == null ? "" : "&pageToken=" + encode(token)));
      page.path("items").forEach(item -> {
        if (matching.test(item)) items.add(item);
      });
      token = page.path("nextPageToken").isNull() ? null : page.path("nextPageToken").asText();
    } while (token != null);
    return items;
  }

  private static JsonNode only(List<JsonNode> orders, String key) {
    List<JsonNode> matching = orders.stream()
        .filter(o -> o.path("order").asText().equals(key) || o.path("hold").asText().equals(key)).toList();
    assertThat(matching).as(key).hasSize(1);
    return matching.get(0);
  }

  private static String encode(String token) {
    return URLEncoder.encode(token, StandardCharsets.UTF_8);
  }
}
