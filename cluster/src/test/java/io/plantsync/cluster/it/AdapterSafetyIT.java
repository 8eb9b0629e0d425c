package io.plantsync.cluster.it;

import static io.plantsync.cluster.it.Envelopes.command;
import static io.plantsync.cluster.it.Envelopes.plan;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The adapter API's safety promises on a real node (issue 4): a command whose answer timed out
 * takes effect once however often it is retried, management is not on the API port and is
 * read-only, a hostile batch is answered line by line, and every example of the contract has
 * its documented outcome.
 */
class AdapterSafetyIT extends NodeIT {

  static final Path CONTRACT = Path.of("..", "src", "contracts", "openapi.yaml");
  static final String PLANNING = "dev-planning-token";
  static final String ERP = "dev-erp-token";
  /** The dev profile's token of each adapter kind that sends business commands. */
  static final Map<String, String> DEV_TOKENS = Map.of(
      "ERP", ERP, "MES", "dev-mes-1000-token", "WMS", "dev-wms-token", "PLANNING", PLANNING, "QMS", "dev-qms-token");

  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  static String newOrder() {
    return "AS-" + UUID.randomUUID().toString().substring(0, 8);
  }

  // ---- a timed-out command, retried ----

  record TimedOut(String order, String envelope, ApiClient.Response answer) {}

  /**
   * A node whose ask timeout is 1 ms answers 503 while the order persists the command anyway; the
   * adapter's retry with the same messageId, answered by another node after the first is gone, must
   * not apply it a second time.
   */
  @Test
  void aCommandWhoseAnswerTimedOutTakesEffectOnceWhenRetried() throws Exception {
    TimedOut timedOut = null;
    try (TestNode impatient = TestNode.start(SharedCassandra.node(), Map.of("plantsync.http.ask-timeout", "1ms"))) {
      ApiClient impatientApi = new ApiClient(impatient.baseUri());
      // The ask timeout fires on a scheduler tick (~10 ms), and a new order can answer faster than
      // that. Many new orders at once make some of them slower: take one that got the 503.
      for (int round = 0; round < 10 && timedOut == null; round++) {
        List<String> orders = java.util.stream.IntStream.range(0, 30).mapToObj(i -> newOrder()).toList();
        timedOut = orders.parallelStream().map(order -> {
          String envelope = plan("PLN-" + order, "1000", order, "100", 1);
          try {
            ApiClient.Response answer = impatientApi.command(PLANNING, envelope);
            return answer.status() == 503 ? new TimedOut(order, envelope, answer) : null;
          } catch (Exception e) {
            return null;
          }
        }).filter(java.util.Objects::nonNull).findFirst().orElse(null);
      }
    } // stopped before the class node sees the order: never two live copies of it
    assertThat(timedOut).as("a 503 from the node with a 1 ms ask timeout").isNotNull();
    assertThat(timedOut.answer().code()).isEqualTo("unavailable");
    assertThat(timedOut.answer().raw().headers().firstValue("Retry-After")).isPresent();

    ApiClient.Response retried = null;
    for (int attempt = 0; attempt < 20 && (retried == null || retried.status() == 503); attempt++) {
      if (retried != null) Thread.sleep(1000);
      retried = api.command(PLANNING, timedOut.envelope());
    }
    assertThat(retried.status()).as("the retry: " + retried.body()).isEqualTo(200);
    assertThat(retried.body().path("outcome").asText()).isEqualTo("applied");
    assertThat(retried.body().path("objectVersion").asLong()).as("one effect").isEqualTo(1);
    System.out.printf("Retry after the timeout answered duplicate=%s%n", retried.body().path("duplicate").asBoolean());

    JsonNode read = api.get(PLANNING, "/v1/production-orders/1000/" + timedOut.order()).body();
    assertThat(read.path("status").asText()).isEqualTo("PLANNED");
    assertThat(read.path("objectVersion").asLong()).as("events persisted for the order").isEqualTo(1);
  }

  // ---- management ----

  @Test
  void managementIsOnlyOnItsOwnPortAndReadOnly() throws Exception {
    for (String path : List.of("/ready", "/alive", "/cluster/members")) {
      ApiClient.Response onApiPort = api.get(PLANNING, path);
      assertThat(onApiPort.status()).as(path + " on the API port").isEqualTo(404);
      assertThat(onApiPort.contentType()).startsWith("application/problem+json");
      assertThat(onApiPort.code()).isEqualTo("unknown-path");
    }

    assertThat(management("GET", "/ready", null).statusCode()).isEqualTo(200);
    String self = JSON.readTree(management("GET", "/cluster/members", null).body()).path("selfNode").asText();
    assertThat(self).startsWith("pekko://PlantSync@");
    String member = "/cluster/members/" + URLEncoder.encode(self, StandardCharsets.UTF_8);
    var down = management("PUT", member, "operation=Down");
    var leave = management("DELETE", member, null);
    var join = management("POST", "/cluster/members", "address=" + URLEncoder.encode(self, StandardCharsets.UTF_8));
    for (var refused : List.of(down, leave, join)) {
      assertThat(refused.statusCode() / 100).as("status class of " + refused.request().method() + " "
          + refused.uri() + ": " + refused.statusCode() + " " + refused.body()).isNotEqualTo(2);
    }

    JsonNode members = JSON.readTree(management("GET", "/cluster/members", null).body()).path("members");
    assertThat(members).singleElement().satisfies(m -> {
      assertThat(m.path("node").asText()).isEqualTo(self);
      assertThat(m.path("status").asText()).isEqualTo("Up");
    });
  }

  private static HttpResponse<String> management(String method, String path, String form) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(node.managementUri(path)).timeout(Duration.ofSeconds(10));
    if (form != null) request.header("Content-Type", "application/x-www-form-urlencoded");
    request.method(method, form == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(form));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  // ---- a hostile batch ----

  /**
   * One ERP batch: a release that creates the order, a malformed line, the same release again (the
   * lines of one object run in input order, so it is the duplicate), a line for a plant ERP may not
   * act on.
   */
  @Test
  void aHostileBatchIsAnsweredLineByLineAndOnlyItsValidLinesTakeEffect() throws Exception {
    String order = newOrder();
    String release = oneLine(releaseCreating("ERP-" + order, "1000", order));
    HttpResponse<String> response = batch(ERP, String.join("\n",
        release,
        "{\"messageId\": \"ERP-2-" + order + "\", \"type\": ",
        release,
        oneLine(releaseCreating("ERP-3-" + order, "3000", order))) + "\n");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/x-ndjson"));
    List<JsonNode> lines = ndjson(response.body());
    assertThat(lines).extracting(line -> line.path("line").asInt()).containsExactly(1, 2, 3, 4);
    assertThat(lines.get(0).path("outcome").asText()).isEqualTo("applied");
    assertThat(lines.get(0).path("duplicate").asBoolean()).isFalse();
    assertThat(lines.get(0).path("events").toString()).isEqualTo("[\"OrderReleased\"]");
    assertThat(lines.get(1).path("status").asInt()).isEqualTo(400);
    assertThat(lines.get(1).path("code").asText()).isEqualTo("invalid-request");
    assertThat(lines.get(2).path("duplicate").asBoolean()).as("line 3 ran after line 1").isTrue();
    assertThat(lines.get(2).path("objectVersion").asLong()).isEqualTo(1);
    assertThat(lines.get(3).path("status").asInt()).isEqualTo(403);
    assertThat(lines.get(3).path("code").asText()).isEqualTo("plant-not-allowed");

    JsonNode read = api.get(ERP, "/v1/production-orders/1000/" + order).body();
    assertThat(read.path("status").asText()).isEqualTo("RELEASED");
    assertThat(read.path("objectVersion").asLong()).isEqualTo(1);
    assertThat(api.get(PLANNING, "/v1/production-orders/3000/" + order).code()).as("order in plant 3000")
        .isEqualTo("unknown-object");
  }

  /** A release of an order that does not exist yet: ERP creates it with the order data. */
  private static String releaseCreating(String messageId, String plant, String order) {
    return command(messageId, "production-order.release",
        "{\"plant\": \"" + plant + "\", \"order\": \"" + order + "\"}", """
            {"material": "FG-100", "quantity": 50, "uom": "EA", "scheduledStart": "2026-12-01T06:00:00Z",
             "scheduledEnd": "2026-12-02T18:00:00Z", "operations": [{"operation": "0010", "workCenter": "ASSY-01"}]}""");
  }

  private static HttpResponse<String> batch(String token, String ndjson) throws Exception {
    return http.send(HttpRequest.newBuilder(node.baseUri().resolve("/v1/commands:batch"))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/x-ndjson")
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(ndjson)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String oneLine(String json) throws Exception {
    return JSON.writeValueAsString(JSON.readTree(json));
  }

  private static List<JsonNode> ndjson(String body) throws Exception {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : body.split("\n")) lines.add(JSON.readTree(line));
    return lines;
  }

  // ---- the contract ----

  /** The request examples of POST /v1/commands, in their listed order, each from its first owner. */
  @Test
  void everyCommandExampleOfTheContractIsAppliedByARealNode() throws Exception {
    JsonNode contract = contract();
    JsonNode examples = contract.at("/paths/~1v1~1commands/post/requestBody/content/application~1json/examples");
    assertThat(examples.size()).as("request examples").isPositive();
    for (var example : examples.properties()) {
      String name = example.getKey();
      JsonNode envelope = example.getValue().path("value");
      String token = tokenOfFirstOwner(contract, envelope.path("type").asText());
      assertThat(example.getValue().path("summary").asText()).as("summary of " + name).contains(token);

      ApiClient.Response answer = api.command(token, JSON.writeValueAsString(envelope));
      assertThat(answer.status()).as(name + ": " + answer.body()).isEqualTo(200);
      assertThat(answer.body().path("outcome").asText()).as(name).isEqualTo("applied");
      assertThat(answer.body().path("duplicate").asBoolean()).as(name).isFalse();
    }
  }

  /** Each request example of the batch endpoint is answered with the response example of its name. */
  @Test
  void everyBatchExampleOfTheContractIsAnsweredAsDocumented() throws Exception {
    JsonNode contract = contract();
    JsonNode batch = contract.at("/paths/~1v1~1commands:batch/post");
    JsonNode requests = batch.at("/requestBody/content/application~1x-ndjson/examples");
    JsonNode answers = batch.at("/responses/200/content/application~1x-ndjson/examples");
    assertThat(requests.size()).as("batch request examples").isPositive();
    for (var example : requests.properties()) {
      String name = example.getKey();
      String body = example.getValue().path("value").asText();
      String token = tokenOfFirstOwner(contract, ndjson(body).get(0).path("type").asText());
      assertThat(example.getValue().path("summary").asText()).as("summary of " + name).contains(token);

      HttpResponse<String> response = batch(token, body);
      assertThat(response.statusCode()).as(name).isEqualTo(200);
      assertThat(ndjson(response.body())).as(name)
          .isEqualTo(ndjson(answers.path(name).path("value").asText()));
    }
  }

  @Test
  void theNodeServesTheContractAsItIsInTheRepository() throws Exception {
    HttpResponse<byte[]> served = http.send(HttpRequest.newBuilder(node.baseUri().resolve("/v1/openapi.yaml")).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.body()).isEqualTo(Files.readAllBytes(CONTRACT));
  }

  private static JsonNode contract() throws Exception {
    return new YAMLMapper().readTree(CONTRACT.toFile());
  }

  /** The dev token of the first kind in the command's {@code x-owners}, found via the discriminator. */
  private static String tokenOfFirstOwner(JsonNode contract, String type) {
    String ref = contract.at("/components/schemas/CommandEnvelope/discriminator/mapping").path(type).asText();
    assertThat(ref).as("envelope schema of " + type).startsWith("#/");
    String owner = contract.at(ref.substring(1) + "/x-owners/0").asText();
    assertThat(DEV_TOKENS).as("dev token of " + owner + ", first owner of " + type).containsKey(owner);
    return DEV_TOKENS.get(owner);
  }
}
