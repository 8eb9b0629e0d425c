package io.plantsync.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import io.plantsync.aggregates.inventorylot.InventoryLot;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A quality hold is in force when the QMS gets its answer: real objects behind real HTTP, and no
 * orchestration projection running, so every lot and order held here was held by the answer itself.
 */
class HoldEnforcementRoutesTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient client = HttpClient.newHttpClient();
  static final AtomicInteger ids = new AtomicInteger();

  TestKitEntities entities;
  TestServer server;

  @BeforeEach
  void bind() throws Exception {
    entities = new TestKitEntities();
    server = new TestServer(entities, ConfigFactory.parseString("plantsync.http.hold-confirmation-timeout = 700ms"));
  }

  @AfterEach
  void unbind() {
    server.close();
    entities.close();
  }

  record Answer(int status, JsonNode body) {}

  Answer command(String token, String messageId, String type, String target, String data) throws Exception {
    String body = "{\"messageId\": \"" + messageId + "\", \"type\": \"" + type + "\", \"target\": " + target
        + ", \"data\": " + data + "}";
    var request = HttpRequest.newBuilder(server.base.resolve("/v1/commands"))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    var response = client.send(request, HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), JSON.readTree(response.body()));
  }

  static String lot(String batch) {
    return "{\"plant\": \"1000\", \"material\": \"RM-7\", \"batch\": \"" + batch + "\"}";
  }

  static final String HOLD = "{\"plant\": \"1000\", \"hold\": \"QN-1\"}";
  static final String SCOPE = "{\"reason\": \"porosity\", \"lots\": [{\"material\": \"RM-7\", \"batch\": \"B1\"}, "
      + "{\"material\": \"RM-7\", \"batch\": \"B2\"}], \"orders\": [\"100234\"]}";

  void received(String batch) throws Exception {
    assertThat(command("wms-token", "W-" + ids.incrementAndGet(), "inventory-lot.receive", lot(batch),
        "{\"movementId\": \"MV-" + ids.incrementAndGet() + "\", \"quantity\": 10, \"uom\": \"KG\", "
            + "\"storageLocation\": \"0001\"}").status()).isEqualTo(200);
  }

  Answer issue(String batch) throws Exception {
    return command("wms-token", "W-" + ids.incrementAndGet(), "inventory-lot.issue", lot(batch),
        "{\"movementId\": \"MV-" + ids.incrementAndGet() + "\", \"quantity\": 1, \"storageLocation\": \"0001\"}");
  }

  @Test
  void aPlacedHoldIsInForceOnEveryLotWhenTheQmsGetsItsAnswer() throws Exception {
    received("B1");
    received("B2");
    Answer placed = command("qms-token", "Q-1", "quality-hold.place", HOLD, SCOPE);

    assertThat(placed.status()).as(placed.body().toString()).isEqualTo(200);
    assertThat(placed.body().path("inForce").asBoolean()).isTrue();
    assertThat(placed.body().path("pending").path("lots")).isEmpty();
    assertThat(placed.body().has("detail")).isFalse();
    for (String batch : new String[] {"B1", "B2"}) {
      Answer refused = issue(batch);
      assertThat(refused.status()).isEqualTo(409);
      assertThat(refused.body().path("code").asText()).isEqualTo("object-on-hold");
    }
  }

  @Test
  void aRetriedPlaceIsAnsweredAsADuplicateAndStillInForce() throws Exception {
    received("B1");
    command("qms-token", "Q-1", "quality-hold.place", HOLD, SCOPE);
    Answer again = command("qms-token", "Q-1", "quality-hold.place", HOLD, SCOPE);
    assertThat(again.body().path("duplicate").asBoolean()).isTrue();
    assertThat(again.body().path("inForce").asBoolean()).isTrue();
  }

  @Test
  void aReleaseIsInForceWhenAnsweredAndRejectBlocksTheStockAtOnce() throws Exception {
    received("B1");
    command("qms-token", "Q-1", "quality-hold.place", HOLD, SCOPE);
    Answer released = command("qms-token", "Q-2", "quality-hold.release", HOLD, "{\"decision\": \"REJECT\"}");

    assertThat(released.body().path("inForce").asBoolean()).as(released.body().toString()).isTrue();
    Answer issue = issue("B1");
    assertThat(issue.status()).as("REJECT moved the lot's stock to BLOCKED").isEqualTo(422);
    assertThat(issue.body().path("code").asText()).isEqualTo("insufficient-stock");
  }

  @Test
  void anExtendPutsTheAddedLotsOnHoldBeforeItsAnswer() throws Exception {
    received("B3");
    command("qms-token", "Q-1", "quality-hold.place", HOLD, SCOPE);
    Answer extended = command("qms-token", "Q-2", "quality-hold.extend", HOLD,
        "{\"lots\": [{\"material\": \"RM-7\", \"batch\": \"B3\"}]}");
    assertThat(extended.body().path("inForce").asBoolean()).isTrue();
    assertThat(issue("B3").status()).isEqualTo(409);
  }

  @Test
  void aLotThatDoesNotAnswerInTimeIsNamedAsPendingAndTheOthersAreHeld() throws Exception {
    received("B1");
    entities.silence(InventoryLot.ENTITY_TYPE_KEY, "1000/RM-7/B2");
    long started = System.nanoTime();
    Answer placed = command("qms-token", "Q-1", "quality-hold.place", HOLD, SCOPE);
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertThat(placed.status()).isEqualTo(200);
    assertThat(placed.body().path("inForce").asBoolean()).isFalse();
    assertThat(placed.body().path("pending").path("lots").toString())
        .isEqualTo("[{\"material\":\"RM-7\",\"batch\":\"B2\"}]");
    assertThat(placed.body().path("pending").path("orders")).isEmpty();
    assertThat(placed.body().path("detail").asText())
        .isEqualTo("1 of 3 objects in scope did not confirm within 700 ms; the orchestration completes them");
    assertThat(millis).as("answered once the confirmation time ran out, not at the ask timeout").isLessThan(4_000);
    assertThat(issue("B1").status()).isEqualTo(409);
  }

  @Test
  void aPlaceRetriedAfterTheReleaseIsInForceNowhere() throws Exception {
    received("B1");
    command("qms-token", "Q-1", "quality-hold.place", HOLD, SCOPE);
    command("qms-token", "Q-2", "quality-hold.release", HOLD, "{\"decision\": \"ACCEPT\"}");
    Answer late = command("qms-token", "Q-1", "quality-hold.place", HOLD, SCOPE);

    assertThat(late.body().path("duplicate").asBoolean()).isTrue();
    assertThat(late.body().path("inForce").asBoolean()).isFalse();
    assertThat(late.body().path("detail").asText()).contains("was released since");
    assertThat(issue("B1").status()).as("the late retry did not hold the lot again").isEqualTo(200);
  }
}
