package io.plantsync.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Business rules travel past the HTTP layer: a well-formed command that breaks one is answered by the
 * real object, with its rule's one message and no field list (the API checked only the syntax).
 */
class ObjectRulesRoutesTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient client = HttpClient.newHttpClient();
  static TestKitEntities entities;
  static TestServer server;

  @BeforeAll
  static void bind() throws Exception {
    entities = new TestKitEntities();
    server = new TestServer(entities);
  }

  @AfterAll
  static void unbind() {
    server.close();
    entities.close();
  }

  record Answer(int status, JsonNode body) {
    void isRefusedByTheObject(String detail) {
      assertThat(status).as(body.toString()).isEqualTo(400);
      assertThat(body.path("code").asText()).isEqualTo("invalid-request");
      assertThat(body.path("detail").asText()).isEqualTo(detail);
      assertThat(body.has("errors")).as("field errors come from the syntax check only").isFalse();
    }
  }

  static Answer command(String token, String messageId, String type, String target, String data) throws Exception {
    String body = "{\"messageId\": \"" + messageId + "\", \"type\": \"" + type + "\", \"target\": " + target
        + ", \"sourceVersion\": 1, \"data\": " + data + "}";
    var request = HttpRequest.newBuilder(server.base.resolve(URI.create("/v1/commands")))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    var response = client.send(request, HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), JSON.readTree(response.body()));
  }

  static final String LOT = "{\"plant\": \"1000\", \"material\": \"RM-7\", \"batch\": \"B1\"}";

  @Test
  void aTransferWithinOneStorageLocationIsRefusedByTheLot() throws Exception {
    command("wms-token", "W-T-1", "inventory-lot.transfer", LOT,
        "{\"movementId\": \"MV-T-1\", \"quantity\": 1, \"fromStorageLocation\": \"0001\", \"toStorageLocation\": \"0001\"}")
        .isRefusedByTheObject("toStorageLocation must differ from fromStorageLocation (both are 0001): a transfer "
            + "moves stock between two storage locations");
  }

  @Test
  void aStockTypeChangeToTheSameStockTypeIsRefusedByTheLot() throws Exception {
    command("qms-token", "Q-C-1", "inventory-lot.change-stock-type", LOT,
        "{\"movementId\": \"MV-C-1\", \"quantity\": 1, \"storageLocation\": \"0001\", \"from\": \"QUALITY\", "
            + "\"to\": \"QUALITY\"}")
        .isRefusedByTheObject("to must differ from from (both are QUALITY): a stock type change moves stock "
            + "between two stock types");
  }

  @Test
  void aReceiptOfNothingIsRefusedByTheLot() throws Exception {
    command("wms-token", "W-R-1", "inventory-lot.receive", LOT,
        "{\"movementId\": \"MV-R-1\", \"quantity\": 0, \"uom\": \"KG\", \"storageLocation\": \"0001\"}")
        .isRefusedByTheObject("quantity must be > 0");
  }

  @Test
  void aHoldThatNamesNothingIsRefusedByTheHold() throws Exception {
    String hold = "{\"plant\": \"1000\", \"hold\": \"QN-EMPTY\"}";
    command("qms-token", "Q-P-1", "quality-hold.place", hold, "{\"reason\": \"porosity\", \"lots\": [], \"orders\": []}")
        .isRefusedByTheObject("quality-hold.place must name at least one lot or order in lots or orders");
    command("qms-token", "Q-E-1", "quality-hold.extend", hold, "{}")
        .isRefusedByTheObject("quality-hold.extend must name at least one lot or order in lots or orders");
  }

  @Test
  void anInterruptionThatEndsBeforeItStartsIsRefusedByTheOrder() throws Exception {
    String order = "{\"plant\": \"2000\", \"order\": \"OI-1\"}";
    assertThat(command("planning-token", "P-1", "production-order.plan", order,
        "{\"material\": \"FG-100\", \"quantity\": 10, \"uom\": \"EA\", \"scheduledStart\": \"2026-12-01T06:00:00Z\", "
            + "\"scheduledEnd\": \"2026-12-03T18:00:00Z\", \"priority\": 10}").status()).isEqualTo(200);
    assertThat(command("erp-token", "E-1", "production-order.release", order,
        "{\"operations\": [{\"operation\": \"0010\", \"workCenter\": \"WC1\"}]}").status()).isEqualTo(200);
    command("mes-2000-token", "M-1", "production-order.report-interruption", order,
        "{\"interruptionId\": \"INT-1\", \"workCenter\": \"WC1\", \"reason\": \"tool\", "
            + "\"startedAt\": \"2026-12-01T08:00:00Z\", \"endedAt\": \"2026-12-01T07:00:00Z\"}")
        .isRefusedByTheObject("endedAt 2026-12-01T07:00:00Z must not be before startedAt 2026-12-01T08:00:00Z");
  }

  @Test
  void aPlanForNothingOrEndingBeforeItStartsIsRefusedByTheOrder() throws Exception {
    String order = "{\"plant\": \"1000\", \"order\": \"OP-1\"}";
    command("planning-token", "P-Q-1", "production-order.plan", order,
        "{\"material\": \"FG-100\", \"quantity\": -3, \"uom\": \"EA\", \"scheduledStart\": \"2026-12-01T06:00:00Z\", "
            + "\"scheduledEnd\": \"2026-12-03T18:00:00Z\", \"priority\": 10}")
        .isRefusedByTheObject("quantity must be > 0");
    command("planning-token", "P-S-1", "production-order.plan", order,
        "{\"material\": \"FG-100\", \"quantity\": 3, \"uom\": \"EA\", \"scheduledStart\": \"2026-12-03T18:00:00Z\", "
            + "\"scheduledEnd\": \"2026-12-01T06:00:00Z\", \"priority\": 10}")
        .isRefusedByTheObject("scheduledEnd 2026-12-01T06:00:00Z must not be before scheduledStart 2026-12-03T18:00:00Z");
  }
}
