package io.plantsync.cluster.it;

import static io.plantsync.cluster.it.Envelopes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rejected commands, end to end: sent over HTTP, recorded in the real Cassandra, listed by
 * {@code GET /v1/views/exceptions} newest first and paged. Objects are unique per run; other
 * tests' exceptions in plant 1000 are filtered out, not assumed absent.
 */
class ExceptionsIT extends NodeIT {

  static final String run = UUID.randomUUID().toString().substring(0, 8);
  static final String wrongOwnerOrder = "XO1-" + run;
  static final String foreignOrder = "XO2-" + run;
  static final String plannedOrder = "XO3-" + run;
  static Instant start;

  @BeforeAll
  static void sendRejectedCommands() throws Exception {
    start = Instant.now().minusSeconds(1);
    // MES does not own planning: the order refuses it.
    assertThat(api.command("dev-mes-1000-token", plan("XMES-1-" + run, "1000", wrongOwnerOrder, "10", 1)).code())
        .isEqualTo("not-system-of-record");
    // mes-2000 may not act on plant 1000: refused before any entity is asked.
    assertThat(api.command("dev-mes-2000-token",
        confirm("XMES-2-" + run, "1000", foreignOrder, "C-1", "0010", "5", false)).code())
        .isEqualTo("plant-not-allowed");
    // A PLANNED order cannot be closed.
    assertThat(api.command("dev-planning-token", plan("XPLN-1-" + run, "1000", plannedOrder, "10", 1)).status())
        .isEqualTo(200);
    assertThat(api.command("dev-erp-token", command("XERP-1-" + run, "production-order.close",
        "{\"plant\": \"1000\", \"order\": \"" + plannedOrder + "\"}", "{}")).code()).isEqualTo("invalid-transition");
    // Names no object: a 400 is not a business exception.
    assertThat(api.command("dev-erp-token", command("XERP-2-" + run, "production-order.close",
        "{\"plant\": \"1000\", \"order\": \"" + plannedOrder + "/x\"}", "{}")).status()).isEqualTo(400);
  }

  @Test
  void everyRejectionIsListedNewestFirstWithAdapterObjectTypeCodeAndTime() throws Exception {
    List<JsonNode> ours = await().atMost(Duration.ofSeconds(30)).until(() -> ours(100), list -> list.size() >= 3);
    Instant now = Instant.now();
    assertThat(ours).hasSize(3);

    JsonNode transition = ours.get(0);
    assertThat(transition.path("adapterId").asText()).isEqualTo("erp");
    assertThat(transition.path("adapterKind").asText()).isEqualTo("ERP");
    assertThat(transition.path("plant").asText()).isEqualTo("1000");
    assertThat(transition.path("objectType").asText()).isEqualTo("production-order");
    assertThat(transition.path("objectId").asText()).isEqualTo("1000/" + plannedOrder);
    assertThat(transition.path("commandType").asText()).isEqualTo("production-order.close");
    assertThat(transition.path("messageId").asText()).isEqualTo("XERP-1-" + run);
    assertThat(transition.path("code").asText()).isEqualTo("invalid-transition");
    assertThat(transition.path("detail").asText()).isNotEmpty();

    JsonNode foreign = ours.get(1);
    assertThat(foreign.path("adapterId").asText()).isEqualTo("mes-2000");
    assertThat(foreign.path("adapterKind").asText()).isEqualTo("MES");
    assertThat(foreign.path("objectId").asText()).isEqualTo("1000/" + foreignOrder);
    assertThat(foreign.path("commandType").asText()).isEqualTo("production-order.confirm-operation");
    assertThat(foreign.path("code").asText()).isEqualTo("plant-not-allowed");

    JsonNode wrongOwner = ours.get(2);
    assertThat(wrongOwner.path("adapterId").asText()).isEqualTo("mes-1000");
    assertThat(wrongOwner.path("adapterKind").asText()).isEqualTo("MES");
    assertThat(wrongOwner.path("objectId").asText()).isEqualTo("1000/" + wrongOwnerOrder);
    assertThat(wrongOwner.path("commandType").asText()).isEqualTo("production-order.plan");
    assertThat(wrongOwner.path("code").asText()).isEqualTo("not-system-of-record");

    List<Instant> times = ours.stream().map(e -> Instant.parse(e.path("at").asText())).toList();
    assertThat(times).allSatisfy(at -> assertThat(at).isBetween(start, now));
    assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }

  @Test
  void pagesOfOneWalkTheSameListWithTheirTokens() throws Exception {
    List<JsonNode> all = await().atMost(Duration.ofSeconds(30)).until(() -> ours(100), list -> list.size() >= 3);
    List<String> paged = new ArrayList<>();
    int pages = 0;
    String token = null;
    do {
      JsonNode page = page(1, token);
      assertThat(page.path("items").size()).isLessThanOrEqualTo(1);
      page.path("items").forEach(e -> {
        if (e.path("objectId").asText().endsWith(run)) paged.add(e.path("messageId").asText());
      });
      token = page.path("nextPageToken").isNull() ? null : page.path("nextPageToken").asText();
      assertThat(++pages).as("pages").isLessThan(1000);
    } while (token != null);
    assertThat(paged).containsExactlyElementsOf(all.stream().map(e -> e.path("messageId").asText()).toList());
    assertThat(pages).isGreaterThanOrEqualTo(3);
  }

  @Test
  void theViewIsPlantScopedAndStrictAboutSince() throws Exception {
    assertThat(api.get("dev-mes-2000-token", "/v1/views/exceptions?plant=1000").code()).isEqualTo("plant-not-allowed");
    var invalid = api.get("dev-erp-token", "/v1/views/exceptions?plant=1000&since=last-week");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.body().path("errors").get(0).path("pointer").asText()).isEqualTo("/since");
    // Another plant's list does not hold plant 1000's exceptions.
    var other = api.get("dev-erp-token", "/v1/views/exceptions?plant=2000&since=" + encode(start));
    assertThat(other.status()).isEqualTo(200);
    assertThat(other.body().path("items").findValuesAsText("plant")).doesNotContain("1000");
  }

  /** This run's exceptions of plant 1000 since the start, in the order listed (all pages). */
  static List<JsonNode> ours(int limit) throws Exception {
    List<JsonNode> found = new ArrayList<>();
    String token = null;
    do {
      JsonNode page = page(limit, token);
      page.path("items").forEach(e -> {
        if (e.path("objectId").asText().endsWith(run)) found.add(e);
      });
      token = page.path("nextPageToken").isNull() ? null : page.path("nextPageToken").asText();
    } while (token != null);
    return found;
  }

  static JsonNode page(int limit, String token) throws Exception {
    String path = "/v1/views/exceptions?plant=1000&since=" + encode(start) + "&limit=" + limit
        + (token == null ? "" : "&pageToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    var response = api.get("dev-erp-token", path);
    assertThat(response.status()).as(path + " " + response.body()).isEqualTo(200);
    return response.body();
  }

  static String encode(Instant at) {
    return URLEncoder.encode(at.toString(), StandardCharsets.UTF_8);
  }
}
