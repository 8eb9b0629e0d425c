package io.plantsync.cluster.it;

import static io.plantsync.cluster.it.Envelopes.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Production orders end to end: real HTTP, a real node, a real Cassandra. */
class ProductionOrderApiIT extends NodeIT {

  static final String PLANNING = "dev-planning-token";
  static final String ERP = "dev-erp-token";
  static final String MES_1000 = "dev-mes-1000-token";
  static final String MES_2000 = "dev-mes-2000-token";

  static String newOrder() {
    return "IT-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void planReleaseConfirmAndReadBack() throws Exception {
    String order = newOrder();
    var planned = api.command(PLANNING, plan("PLN-" + order, "1000", order, "100", 1));
    assertThat(planned.status()).isEqualTo(200);
    assertThat(planned.body().path("outcome").asText()).isEqualTo("applied");
    assertThat(planned.body().path("events").get(0).asText()).isEqualTo("OrderPlanned");

    assertThat(api.command(ERP, release("ERP-" + order, "1000", order)).status()).isEqualTo(200);
    var confirmed = api.command(MES_1000, confirm("MES-" + order, "1000", order, "C-1", "0010", "40", true));
    assertThat(confirmed.status()).isEqualTo(200);
    assertThat(confirmed.body().path("objectVersion").asLong()).isEqualTo(3);

    JsonNode read = api.get(MES_1000, "/v1/production-orders/1000/" + order).body();
    assertThat(read.path("status").asText()).isEqualTo("PARTIALLY_CONFIRMED");
    assertThat(read.path("sapStatus").asText()).isEqualTo("PCNF");
    assertThat(read.path("quantity").decimalValue()).isEqualByComparingTo("100");
    assertThat(read.path("operations").get(0).path("confirmedYield").decimalValue()).isEqualByComparingTo("40");
    assertThat(read.path("operations").get(0).path("confirmedScrap").decimalValue()).isEqualByComparingTo("1.5");
    assertThat(read.path("objectVersion").asLong()).isEqualTo(3);
  }

  @Test
  void aDuplicateMessageIdReturnsTheFirstOutcomeAndChangesNothing() throws Exception {
    String order = newOrder();
    api.command(PLANNING, plan("PLN-" + order, "1000", order, "100", 1));
    api.command(ERP, release("ERP-" + order, "1000", order));
    var first = api.command(MES_1000, confirm("MES-1-" + order, "1000", order, "C-1", "0010", "40", false));
    JsonNode before = api.get(ERP, "/v1/production-orders/1000/" + order).body();

    var again = api.command(MES_1000, confirm("MES-1-" + order, "1000", order, "C-1", "0010", "40", false));
    var sameConfirmation = api.command(MES_1000, confirm("MES-2-" + order, "1000", order, "C-1", "0010", "40", false));

    for (var duplicate : new ApiClient.Response[] {again, sameConfirmation}) {
      assertThat(duplicate.status()).isEqualTo(200);
      assertThat(duplicate.body().path("duplicate").asBoolean()).isTrue();
      assertThat(duplicate.body().path("objectVersion")).isEqualTo(first.body().path("objectVersion"));
    }
    assertThat(api.get(ERP, "/v1/production-orders/1000/" + order).body()).isEqualTo(before);
  }

  @Test
  void aCommandFromTheWrongSystemIsRefusedAndChangesNothing() throws Exception {
    String order = newOrder();
    api.command(PLANNING, plan("PLN-" + order, "1000", order, "100", 1));
    var refused = api.command(MES_1000, release("MES-" + order, "1000", order));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.code()).isEqualTo("not-system-of-record");
    assertThat(api.get(ERP, "/v1/production-orders/1000/" + order).body().path("status").asText()).isEqualTo("PLANNED");
  }

  @Test
  void aCommandForAnotherPlantIsRefused() throws Exception {
    String order = newOrder();
    api.command(PLANNING, plan("PLN-" + order, "1000", order, "100", 1));
    api.command(ERP, release("ERP-" + order, "1000", order));
    var refused = api.command(MES_2000, confirm("MES2-" + order, "1000", order, "C-1", "0010", "5", false));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.code()).isEqualTo("plant-not-allowed");
    assertThat(api.get(MES_2000, "/v1/production-orders/1000/" + order).code()).isEqualTo("plant-not-allowed");
    assertThat(api.get(ERP, "/v1/production-orders/1000/" + order).body().path("objectVersion").asLong()).isEqualTo(2);
  }

  @Test
  void badRequestsGetProblemDetailsAndChangeNothing() throws Exception {
    String order = newOrder();
    assertThat(api.command(null, plan("PLN-" + order, "1000", order, "100", 1)).status()).isEqualTo(401);
    assertThat(api.command("no-such-token", plan("PLN-" + order, "1000", order, "100", 1)).code())
        .isEqualTo("unauthenticated");

    var malformed = api.command(PLANNING, "{\"messageId\": ");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.code()).isEqualTo("invalid-request");

    var overPrecise = api.command(PLANNING, plan("PLN-" + order, "1000", order, "1.2345", 1));
    assertThat(overPrecise.status()).isEqualTo(400);
    assertThat(overPrecise.body().path("errors").get(0).path("pointer").asText()).isEqualTo("/data/quantity");

    var badKey = api.command(PLANNING, plan("PLN-" + order, "10 00", order, "1", 1));
    assertThat(badKey.body().path("errors").get(0).path("pointer").asText()).isEqualTo("/target/plant");

    var unknown = api.get(ERP, "/v1/production-orders/1000/" + order);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.code()).isEqualTo("unknown-object");
  }

  @Test
  void anOlderSourceVersionIsStale() throws Exception {
    String order = newOrder();
    api.command(PLANNING, plan("PLN-1-" + order, "1000", order, "100", 7));
    var stale = api.command(PLANNING, plan("PLN-2-" + order, "1000", order, "250", 6));
    assertThat(stale.status()).isEqualTo(200);
    assertThat(stale.body().path("outcome").asText()).isEqualTo("stale");
    assertThat(api.get(PLANNING, "/v1/production-orders/1000/" + order).body().path("quantity").decimalValue())
        .isEqualByComparingTo("100");
  }

  @Test
  void reprioritizeAndInterruptionsAreAcceptedAndShown() throws Exception {
    String order = newOrder();
    api.command(PLANNING, plan("PLN-" + order, "1000", order, "100", 1));
    api.command(ERP, release("ERP-" + order, "1000", order));
    var moved = api.command(PLANNING, command("PLN-2-" + order, "production-order.reprioritize",
        "{\"plant\": \"1000\", \"order\": \"" + order + "\"}", "{\"priority\": 1}"));
    assertThat(moved.status()).isEqualTo(200);
    var interrupted = api.command(MES_1000, command("MES-I-" + order, "production-order.report-interruption",
        "{\"plant\": \"1000\", \"order\": \"" + order + "\"}",
        "{\"interruptionId\": \"INT-1\", \"workCenter\": \"ASSY-01\", \"reason\": \"spindle\", "
            + "\"startedAt\": \"2026-11-27T08:00:00Z\"}"));
    assertThat(interrupted.status()).isEqualTo(200);
    JsonNode read = api.get(ERP, "/v1/production-orders/1000/" + order).body();
    assertThat(read.path("priority").asInt()).isEqualTo(1);
    assertThat(read.path("interrupted").asBoolean()).isTrue();
  }
}
