package io.plantsync.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import io.plantsync.aggregates.common.CommandReply.Accepted;
import io.plantsync.aggregates.common.CommandReply.Outcome;
import io.plantsync.aggregates.common.CommandReply.Rejected;
import io.plantsync.aggregates.common.ErrorCode;
import io.plantsync.aggregates.productionorder.ProductionOrderCommand;
import io.plantsync.aggregates.productionorder.ProductionOrderState;
import io.plantsync.http.commands.CommandCatalog;
import io.plantsync.http.commands.EnvelopeParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The adapter API over real HTTP on loopback, with scripted entities behind it. */
class ApiRoutesTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String PLAN = """
      {"messageId": "PLN-1", "type": "production-order.plan", "target": {"plant": "1000", "order": "100234"},
       "data": {"material": "FG-100", "quantity": 500, "uom": "EA", "scheduledStart": "2026-12-01T06:00:00Z",
                "scheduledEnd": "2026-12-03T18:00:00Z", "priority": 10}}""";

  static ActorSystem<Void> system;
  static ScriptedGateway gateway = new ScriptedGateway();
  static URI base;
  static final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  static void bind() throws Exception {
    var config = ConfigFactory.parseString("""
        pekko.actor.provider = local
        plantsync.http { host = "127.0.0.1", port = 0, allow-plain-tokens = true, max-command-bytes = 4KiB }
        plantsync.adapters = [
          { id = "planning", kind = PLANNING, plants = ["*"], token = "planning-token" }
          { id = "mes-2000", kind = MES, plants = ["2000"], token = "mes-2000-token" }
        ]""").withFallback(ConfigFactory.load());
    system = ActorSystem.create(Behaviors.empty(), "routes", config);
    HttpSettings settings = HttpSettings.fromConfig(config);
    var routes = new ApiRoutes(settings, settings.adapterRegistry(), new EnvelopeParser(CommandCatalog.canonical()), gateway);
    var binding = HttpServer.start(system, settings, routes.routes()).toCompletableFuture().get(10, TimeUnit.SECONDS);
    base = URI.create("http://127.0.0.1:" + binding.localAddress().getPort());
  }

  @AfterAll
  static void unbind() {
    system.terminate();
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
  void malformedJsonIs400() throws Exception {
    for (String body : new String[] {"{\"messageId\": ", "[1,2]", "", "{} {}", "{\"quantity\": NaN}"}) {
      Answer answer = command(body);
      assertThat(answer.status()).as(body).isEqualTo(400);
      assertThat(answer.code()).isEqualTo("invalid-request");
    }
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
  void negativeAndZeroQuantitiesAreRefused() throws Exception {
    for (String quantity : new String[] {"-1", "0", "1e15"}) {
      Answer answer = command(PLAN.replace("\"quantity\": 500", "\"quantity\": " + quantity));
      assertThat(answer.status()).as(quantity).isEqualTo(400);
      assertThat(answer.firstPointer()).isEqualTo("/data/quantity");
    }
  }

  @Test
  void anUnknownCommandTypeIs400() throws Exception {
    Answer answer = command(PLAN.replace("production-order.plan", "production-order.teleport"));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.firstPointer()).isEqualTo("/type");
  }

  @Test
  void deeplyNestedJsonIsRefusedWithoutFailing() throws Exception {
    String nested = "[".repeat(500) + "]".repeat(500);
    Answer answer = command("{\"messageId\": \"M\", \"data\": " + nested + "}");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.code()).isEqualTo("invalid-request");
  }

  @Test
  void aBodyOverTheLimitIs413() throws Exception {
    String big = PLAN.replace("\"priority\": 10}", "\"priority\": 10, \"pad\": \"" + "x".repeat(5000) + "\"}");
    Answer answer = command(big);
    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.code()).isEqualTo("payload-too-large");
    assertThat(gateway.asks).isEmpty();
  }

  @Test
  void aWrongContentTypeIs415() throws Exception {
    Answer answer = post("planning-token", "text/plain", PLAN);
    assertThat(answer.status()).isEqualTo(415);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
    assertThat(gateway.asks).isEmpty();
  }

  @Test
  void unknownPathsAndMethodsAreProblemDetails() throws Exception {
    Answer unknown = send(HttpRequest.newBuilder(base.resolve("/v1/nothing")).GET());
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).isEqualTo("application/problem+json");
    Answer wrongMethod = send(HttpRequest.newBuilder(base.resolve("/v1/commands")).GET()
        .header("Authorization", "Bearer planning-token"));
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.contentType()).isEqualTo("application/problem+json");
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
  void optionalFieldsSentAsNullCountAsAbsent() throws Exception {
    Answer release = command("""
        {"messageId": "E-1", "type": "quality-hold.release", "target": {"plant": "1000", "hold": "QN-1"},
         "data": {"decision": "ACCEPT", "note": null}}""");
    assertThat(release.status()).isEqualTo(200);
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
}
