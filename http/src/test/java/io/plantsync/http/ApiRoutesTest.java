package io.plantsync.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plantsync.aggregates.common.CommandReply.Accepted;
import io.plantsync.aggregates.common.CommandReply.Outcome;
import io.plantsync.aggregates.common.CommandReply.Rejected;
import io.plantsync.aggregates.common.ErrorCode;
import io.plantsync.aggregates.inventorylot.InventoryLotCommand;
import io.plantsync.aggregates.productionorder.ProductionOrderCommand;
import io.plantsync.aggregates.productionorder.ProductionOrderState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The adapter API over real HTTP on loopback, with scripted entities behind it. */
class ApiRoutesTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String PLAN = """
      {"messageId": "PLN-1", "type": "production-order.plan", "target": {"plant": "1000", "order": "100234"},
       "data": {"material": "FG-100", "quantity": 500, "uom": "EA", "scheduledStart": "2026-12-01T06:00:00Z",
                "scheduledEnd": "2026-12-03T18:00:00Z", "priority": 10}}""";

  static TestServer server;
  static ScriptedGateway gateway = new ScriptedGateway();
  static URI base;
  static final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  static void bind() throws Exception {
    server = new TestServer(gateway);
    base = server.base;
  }

  @AfterAll
  static void unbind() {
    server.close();
  }

  @BeforeEach
  void reset() {
    gateway.asks.clear();
    gateway.answer(m -> CompletableFuture.completedFuture(new Accepted(Outcome.APPLIED, false, 1, List.of("OrderPlanned"))));
  }

  record Answer(int status, String contentType, JsonNode body, HttpResponse<String> raw) {
    String code() {
      return body.path("code").asText();
    }

    String firstPointer() {
      return body.path("errors").path(0).path("pointer").asText();
    }
  }

  static Answer post(String token, String contentType, String body) throws Exception {
    var request = HttpRequest.newBuilder(base.resolve("/v1/commands")).POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) request.header("Content-Type", contentType);
    if (token != null) request.header("Authorization", "Bearer " + token);
    return send(request);
  }

  static Answer send(HttpRequest.Builder request) throws Exception {
    var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode body = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body, response);
  }

  static Answer command(String body) throws Exception {
    return post("planning-token", "application/json", body);
  }

  /** A command as raw bytes, with extra headers given as name, value, name, value ... */
  static Answer command(byte[] body, String... headers) throws Exception {
    var request = HttpRequest.newBuilder(base.resolve("/v1/commands"))
        .header("Authorization", "Bearer planning-token")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    for (int i = 0; i < headers.length; i += 2) request.header(headers[i], headers[i + 1]);
    return send(request);
  }

  /** The plan command with an extra {@code pad} field of {@code length} characters in its data. */
  static String padded(int length) {
    return PLAN.replace("\"priority\": 10}", "\"priority\": 10, \"pad\": \"" + "x".repeat(length) + "\"}");
  }

  @Test
  void anAcceptedCommandIsAnsweredWithItsOutcome() throws Exception {
    Answer answer = command(PLAN);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().toString())
        .isEqualTo("{\"outcome\":\"applied\",\"duplicate\":false,\"objectVersion\":1,\"events\":[\"OrderPlanned\"]}");
    assertThat(gateway.asks).singleElement().satisfies(ask -> {
      assertThat(ask.entityType()).isEqualTo("ProductionOrder");
      assertThat(ask.entityId()).isEqualTo("1000/100234");
      assertThat(ask.message()).isInstanceOf(ProductionOrderCommand.Plan.class);
    });
  }

  @Test
  void anEntityRejectionBecomesProblemDetailsWithItsStatus() throws Exception {
    gateway.answer(m -> CompletableFuture.completedFuture(new Rejected(ErrorCode.INVALID_TRANSITION, "not while CLOSED")));
    Answer answer = command(PLAN);
    assertThat(answer.status()).isEqualTo(409);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
    assertThat(answer.code()).isEqualTo("invalid-transition");
    assertThat(answer.body().path("detail").asText()).isEqualTo("not while CLOSED");
    assertThat(answer.body().path("type").asText()).isEqualTo("urn:plantsync:problem:invalid-transition");
  }

  @Test
  void anEntityThatDoesNotAnswerInTimeGives503WithRetryAfter() throws Exception {
    gateway.answer(m -> CompletableFuture.failedFuture(new TimeoutException("ask timed out")));
    Answer answer = command(PLAN);
    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.code()).isEqualTo("unavailable");
    assertThat(answer.raw().headers().firstValue("Retry-After")).hasValue("2");
  }

  @Test
  void pastItsLimitOfCommandsInProgressANodeAnswers503AtOnceAndRecoversWhenAnswersCome() throws Exception {
    var held = new CompletableFuture<Object>();
    gateway.answer(m -> held);
    var waiting = new java.util.ArrayList<CompletableFuture<HttpResponse<String>>>();
    for (int i = 0; i < 8; i++) {
      waiting.add(client.sendAsync(HttpRequest.newBuilder(base.resolve("/v1/commands"))
          .header("Authorization", "Bearer planning-token").header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(PLAN.replace("PLN-1", "PLN-HELD-" + i))).build(),
          HttpResponse.BodyHandlers.ofString()));
    }
    for (int tries = 0; gateway.asks.size() < 8 && tries < 500; tries++) Thread.sleep(10);

    Answer refused = command(PLAN.replace("PLN-1", "PLN-9"));
    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.body().path("detail").asText()).contains("limit of 8 commands in progress");
    assertThat(refused.raw().headers().firstValue("Retry-After")).hasValue("2");
    assertThat(gateway.asks).as("the refused command reached no entity").hasSize(8);

    held.complete(new Accepted(Outcome.APPLIED, false, 1, List.of("OrderPlanned")));
    for (var response : waiting) assertThat(response.get().statusCode()).isEqualTo(200);
    reset();
    assertThat(command(PLAN.replace("PLN-1", "PLN-10")).status()).isEqualTo(200);
  }

  @Test
  void anEntityOnAFencedNodeGives503WithRetryAfter() throws Exception {
    gateway.answer(m -> CompletableFuture.completedFuture(
        new Rejected(ErrorCode.UNAVAILABLE, "this node is shutting down; retry with the same messageId")));
    Answer answer = command(PLAN);
    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.code()).isEqualTo("unavailable");
    assertThat(answer.raw().headers().firstValue("Retry-After")).hasValue("2");
  }

  @Test
  void noOrAnUnknownTokenIs401WithoutAHint() throws Exception {
    for (String token : new String[] {null, "guess", ""}) {
      Answer answer = post(token, "application/json", PLAN);
      assertThat(answer.status()).isEqualTo(401);
      assertThat(answer.code()).isEqualTo("unauthenticated");
      assertThat(answer.raw().headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }
    assertThat(gateway.asks).isEmpty();
  }

  @Test
  void anotherPlantIsRefusedBeforeAnyEntityIsAsked() throws Exception {
    Answer answer = post("mes-2000-token", "application/json", PLAN);
    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.code()).isEqualTo("plant-not-allowed");
    assertThat(gateway.asks).isEmpty();
  }

  @Test
  void everyInvalidFieldIsNamedByItsPointer() throws Exception {
    Answer answer = command("""
        {"messageId": "", "type": "production-order.plan", "target": {"plant": "1000", "order": "a/b", "x": 1},
         "sourceVersion": -1, "extra": true,
         "data": {"material": "FG-100", "quantity": 1.0005, "uom": "each", "scheduledStart": "yesterday",
                  "scheduledEnd": "2026-12-03T18:00:00Z", "priority": 1000, "colour": "red"}}""");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().path("errors").findValuesAsText("pointer")).containsExactlyInAnyOrder(
        "/messageId", "/sourceVersion", "/target/order", "/target/x", "/extra", "/data/quantity", "/data/uom",
        "/data/scheduledStart", "/data/priority", "/data/colour");
    assertThat(gateway.asks).isEmpty();
  }

  @Test
  void missingFieldsAndWrongTypesAreNamed() throws Exception {
    Answer answer = command("""
        {"messageId": 7, "type": "production-order.plan", "target": {"plant": "1000"},
         "data": {"material": "FG-100", "quantity": "500", "uom": "EA", "scheduledStart": "2026-12-01T06:00:00Z",
                  "scheduledEnd": "2026-12-03T18:00:00Z", "priority": 10.5}}""");
    assertThat(answer.body().path("errors").findValuesAsText("pointer"))
        .containsExactlyInAnyOrder("/messageId", "/target/order", "/data/quantity", "/data/priority");
  }

  @Test
  void anUnknownCommandTypeIs400() throws Exception {
    Answer answer = command(PLAN.replace("production-order.plan", "production-order.teleport"));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.firstPointer()).isEqualTo("/type");
  }

  @Test
  void readingAnOrderThatNeverExistedIs404() throws Exception {
    gateway.answer(m -> CompletableFuture.completedFuture(ProductionOrderState.empty("1000", "9")));
    Answer answer = send(HttpRequest.newBuilder(base.resolve("/v1/production-orders/1000/9"))
        .header("Authorization", "Bearer planning-token").GET());
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.code()).isEqualTo("unknown-object");
  }

  @Test
  void readingWithAMalformedKeyIs400NamingTheKeyBeforeAnyEntityIsAsked() throws Exception {
    for (String[] read : new String[][] {{"/v1/inventory-lots/1000/RM%207/B-1", "/material"},
        {"/v1/production-orders/1000/", "/order"}, {"/v1/quality-holds/10.00+/QN-1", "/plant"}}) {
      Answer answer = send(HttpRequest.newBuilder(base.resolve(read[0]))
          .header("Authorization", "Bearer planning-token").GET());
      assertInvalid(answer, read[1], read[0]);
    }
    assertThat(gateway.asks).isEmpty();
  }

  @Test
  void optionalFieldsSentAsNullCountAsAbsent() throws Exception {
    Answer release = command("""
        {"messageId": "E-1", "type": "quality-hold.release", "target": {"plant": "1000", "hold": "QN-1"},
         "data": {"decision": "ACCEPT", "note": null}}""");
    assertThat(release.status()).isEqualTo(200);
  }

  @Test
  void anIssueNamingAReservationReachesTheLotWithItsFinalIssueFlag() throws Exception {
    String issue = """
        {"messageId": "M-1", "type": "inventory-lot.issue", "target": {"plant": "1000", "material": "RM-7", "batch": "B1"},
         "data": {"movementId": "4900000012", "quantity": 9.5, "storageLocation": "0001", "reservationId": "RES-1"%s}}""";
    assertThat(command(issue.formatted(", \"finalIssue\": true")).status()).isEqualTo(200);
    assertThat(command(issue.formatted("")).status()).isEqualTo(200);
    assertThat(gateway.asks).extracting(ask -> (InventoryLotCommand.Issue) ask.message())
        .extracting(InventoryLotCommand.Issue::reservationId, InventoryLotCommand.Issue::finalIssue)
        .containsExactly(tuple("RES-1", true), tuple("RES-1", false));

    Answer notAFlag = command(issue.formatted(", \"finalIssue\": \"yes\""));
    assertThat(notAFlag.status()).isEqualTo(400);
    assertThat(notAFlag.firstPointer()).isEqualTo("/data/finalIssue");
  }

  @Test
  void anIssueAboveItsReservationIs422ReservationExceeded() throws Exception {
    gateway.answer(m -> CompletableFuture.completedFuture(
        new Rejected(ErrorCode.RESERVATION_EXCEEDED, "its open quantity is 3")));
    Answer answer = command("""
        {"messageId": "M-2", "type": "inventory-lot.issue", "target": {"plant": "1000", "material": "RM-7", "batch": "B1"},
         "data": {"movementId": "4900000013", "quantity": 4, "storageLocation": "0001", "reservationId": "RES-1"}}""");
    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.code()).isEqualTo("reservation-exceeded");
  }

  @Test
  void aReleaseWithPartOfTheOrderDataNamesWhatIsMissing() throws Exception {
    Answer answer = command("""
        {"messageId": "E-1", "type": "production-order.release", "target": {"plant": "1000", "order": "1"},
         "data": {"operations": [{"operation": "0010", "workCenter": "WC"}], "quantity": 5}}""");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().path("errors").findValuesAsText("pointer"))
        .contains("/data/material", "/data/uom").doesNotContain("/data/quantity");
  }

  /**
   * Hostile input: each request is answered with a problem (never a 500) and nothing reaches an
   * entity, which the check after each test asserts.
   */
  @Nested
  class HostileInput {

    @AfterEach
    void nothingReachedAnEntity() {
      assertThat(gateway.asks).as("commands that reached an entity").isEmpty();
    }

    // ---- bodies that are not a valid envelope: 400 invalid-request ----

    @Test
    void malformedJsonIs400() throws Exception {
      for (String body : new String[] {"{\"messageId\": ", "[1,2]", "", "{} {}", "{\"quantity\": NaN}"}) {
        Answer answer = command(body);
        assertThat(answer.status()).as(body).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("invalid-request");
      }
    }

    @Test
    void aBodyThatIsABareValueIs400() throws Exception {
      for (String body : new String[] {"\"production-order.plan\"", "42", "null", "true"}) {
        assertInvalid(command(body), "/", body);
      }
    }

    @Test
    void deeplyNestedJsonIsRefusedWithoutFailing() throws Exception {
      String nested = "[".repeat(500) + "]".repeat(500);
      Answer answer = command("{\"messageId\": \"M\", \"data\": " + nested + "}");
      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.code()).isEqualTo("invalid-request");
    }

    @Test
    void invalidUtf8InsideAStringIs400() throws Exception {
      // a lead byte without continuation, a byte never valid, a stray continuation, a truncated sequence
      for (String hex : new String[] {"c328", "ff", "80", "e282"}) {
        Answer answer = command(withMessageIdBytes(HexFormat.of().parseHex(hex)));
        assertThat(answer.status()).as(hex).isEqualTo(400);
        assertThat(answer.code()).as(hex).isEqualTo("invalid-request");
      }
    }

    /**
     * Byte sequences a strict UTF-8 decoder refuses but Jackson decodes: overlong forms (c0af is
     * '/'), encoded surrogates and code points above U+10FFFF. They reach the entity today, and an
     * unpaired surrogate then fails the event's CBOR serialization.
     */
    @Test
    void utf8ThatOnlyALenientDecoderAcceptsIs400() throws Exception {
      for (String hex : new String[] {"c0af", "e080af", "eda080", "f4908080"}) {
        Answer answer = command(withMessageIdBytes(HexFormat.of().parseHex(hex)));
        assertThat(answer.status()).as(hex).isEqualTo(400);
        assertThat(answer.code()).as(hex).isEqualTo("invalid-request");
      }
      Answer escaped = command(PLAN.replace("\"PLN-1\"", "\"PLN-\\ud800\""));
      assertThat(escaped.status()).as("escaped unpaired surrogate").isEqualTo(400);
      assertThat(escaped.firstPointer()).isEqualTo("/messageId");
    }

    @Test
    void aQuantityThatIsNotANumberWithAtMost3DecimalsBelow10To12Is400() throws Exception {
      String[] quantities = {"1e12", "-1e12", "1e15", "1e400", "1e-400", "1.0005", "\"NaN\"", "\"Infinity\"", "\"500\""};
      for (String quantity : quantities) {
        Answer answer = command(PLAN.replace("\"quantity\": 500", "\"quantity\": " + quantity));
        assertInvalid(answer, "/data/quantity", quantity);
      }
    }

    /** Jackson's BigDecimal parser throws NumberFormatException, which is no JsonProcessingException. */
    @Test
    void aNumberWhoseExponentDoesNotFitIs400() throws Exception {
      for (String number : new String[] {"1e2147483648", "1e-2147483648"}) {
        Answer quantity = command(PLAN.replace("\"quantity\": 500", "\"quantity\": " + number));
        assertThat(quantity.status()).as("quantity " + number).isEqualTo(400);
        assertThat(quantity.code()).isEqualTo("invalid-request");
        Answer sourceVersion =
            command(PLAN.replace("\"PLN-1\",", "\"PLN-1\", \"sourceVersion\": " + number + ","));
        assertThat(sourceVersion.status()).as("sourceVersion " + number).isEqualTo(400);
      }
    }

    /** Two readers of the same body must not see two different commands. */
    @Test
    void aFieldGivenTwiceIs400() throws Exception {
      Answer answer = command(PLAN.replace("\"PLN-1\",", "\"PLN-1\", \"messageId\": \"PLN-2\","));
      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.code()).isEqualTo("invalid-request");
    }

    @Test
    void aKeyWithASlashOrASpaceIs400() throws Exception {
      for (String order : new String[] {"100/234", "../100234", "100 234", " 100234", "100%2F234", "x".repeat(41), ""}) {
        Answer answer = command(PLAN.replace("\"order\": \"100234\"", "\"order\": \"" + order + "\""));
        assertInvalid(answer, "/target/order", order);
      }
    }

    @Test
    void aMessageIdOver100CharactersIs400() throws Exception {
      String messageId = "M".repeat(101);
      assertInvalid(command(PLAN.replace("\"PLN-1\"", "\"" + messageId + "\"")), "/messageId", messageId);
    }

    // ---- size, media type and encoding ----

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
      Answer answer = command(padded(5000));
      assertThat(answer.status()).isEqualTo(413);
      assertThat(answer.code()).isEqualTo("payload-too-large");
    }

    @Test
    void aChunkedBodyOverTheLimitIs413() throws Exception {
      byte[] body = padded(4200).getBytes(StandardCharsets.UTF_8);
      Answer answer = send(HttpRequest.newBuilder(base.resolve("/v1/commands"))
          .header("Authorization", "Bearer planning-token")
          .header("Content-Type", "application/json")
          // No length known up front: sent with Transfer-Encoding: chunked.
          .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
      assertThat(answer.status()).isEqualTo(413);
      assertThat(answer.code()).isEqualTo("payload-too-large");
    }

    /** The 413 comes while the body is still arriving: the node never waits for, or buffers, all of it. */
    @Test
    void anOversizedBodyIsRefusedBeforeItEnds() throws Exception {
      try (Socket socket = new Socket(base.getHost(), base.getPort())) {
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /v1/commands HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer planning-token\r\n"
            + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        byte[] chunk = padded(8000).getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(chunk);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush(); // ... and the body never ends
        String statusLine = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
        assertThat(statusLine).isEqualTo("HTTP/1.1 413");
      }
    }

    @Test
    void aWrongContentTypeIs415() throws Exception {
      Answer answer = post("planning-token", "text/plain", PLAN);
      assertThat(answer.status()).isEqualTo(415);
      assertThat(answer.contentType()).isEqualTo("application/problem+json");
      assertThat(answer.code()).isEqualTo("unsupported-media-type");
    }

    /** A compressed body is refused, not inflated: the few KiB of gzip sent here are 1 MB of JSON. */
    @Test
    void aCompressedBodyIs415() throws Exception {
      byte[] bomb = gzip(padded(1_000_000).getBytes(StandardCharsets.UTF_8));
      assertThat(bomb.length).as("compressed size").isLessThan(4096);
      for (String encoding : new String[] {"gzip", "deflate", "br"}) {
        Answer answer = command(bomb, "Content-Encoding", encoding);
        assertThat(answer.status()).as(encoding).isEqualTo(415);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.code()).isEqualTo("unsupported-media-type");
      }
    }

    // ---- paths and methods ----

    @Test
    void unknownPathsAre404ProblemDetails() throws Exception {
      for (String path : new String[] {"/v1/nothing", "/", "/v2/commands", "/v1/production-orders/1000"}) {
        Answer unknown = send(HttpRequest.newBuilder(base.resolve(path)).GET()
            .header("Authorization", "Bearer planning-token"));
        assertThat(unknown.status()).as(path).isEqualTo(404);
        assertThat(unknown.contentType()).isEqualTo("application/problem+json");
        assertThat(unknown.code()).isEqualTo("unknown-path");
      }
    }

    @Test
    void aMethodThePathDoesNotHaveIs405() throws Exception {
      record Call(String method, String path, String allowed) {}
      for (Call call : List.of(
          new Call("GET", "/v1/commands", "POST"),
          new Call("DELETE", "/v1/commands", "POST"),
          new Call("POST", "/v1/production-orders/1000/1", "GET"),
          new Call("PUT", "/v1/production-orders/1000/1", "GET"))) {
        Answer answer = send(HttpRequest.newBuilder(base.resolve(call.path()))
            .header("Authorization", "Bearer planning-token")
            .header("Content-Type", "application/json")
            .method(call.method(), HttpRequest.BodyPublishers.ofString(PLAN)));
        assertThat(answer.status()).as(call.toString()).isEqualTo(405);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.code()).isEqualTo("method-not-allowed");
        assertThat(answer.body().path("detail").asText()).as(call.toString()).contains(call.allowed());
      }
    }

    /** Pekko Management (health, cluster membership, metrics) has its own port; a token does not help. */
    @Test
    void managementRoutesAreNotOnTheApiPort() throws Exception {
      for (String path : new String[] {"/ready", "/alive", "/cluster/members", "/cluster/members/", "/metrics"}) {
        Answer answer = send(HttpRequest.newBuilder(base.resolve(path)).GET()
            .header("Authorization", "Bearer planning-token"));
        assertThat(answer.status()).as(path).isEqualTo(404);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.code()).isEqualTo("unknown-path");
      }
    }
  }

  /** A 400 invalid-request whose first error names {@code pointer}; {@code sent} describes the input. */
  static void assertInvalid(Answer answer, String pointer, String sent) {
    assertThat(answer.status()).as("status for '%s'", sent).isEqualTo(400);
    assertThat(answer.code()).as("code for '%s'", sent).isEqualTo("invalid-request");
    assertThat(answer.firstPointer()).as("pointer for '%s'", sent).isEqualTo(pointer);
  }

  /** The plan command with {@code bytes} inside its messageId string. */
  static byte[] withMessageIdBytes(byte[] bytes) {
    String[] around = PLAN.split("PLN-1", 2);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(around[0].getBytes(StandardCharsets.UTF_8));
    body.writeBytes("M-".getBytes(StandardCharsets.UTF_8));
    body.writeBytes(bytes);
    body.writeBytes(around[1].getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  static byte[] gzip(byte[] bytes) throws java.io.IOException {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
      out.write(bytes);
    }
    return compressed.toByteArray();
  }
}
