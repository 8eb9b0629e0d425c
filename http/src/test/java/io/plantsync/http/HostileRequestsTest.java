package io.plantsync.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plantsync.aggregates.common.CommandReply.Accepted;
import io.plantsync.aggregates.common.CommandReply.Outcome;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The developers' own battery of hostile and malformed requests, sent as a client would send them
 * (raw bytes where a client library would refuse): every answer is problem+json with a code from
 * src/docs/contract.md, no internals leak into it, no token or control character reaches the log,
 * and nothing reaches an object.
 */
class HostileRequestsTest {

  static final ObjectMapper JSON = new ObjectMapper();
  /** Every code the contract gives a refusal (product codes and the HTTP layer's). */
  static final Set<String> CONTRACT_CODES = Set.of("invalid-request", "unauthenticated", "payload-too-large",
      "unknown-path", "method-not-allowed", "unsupported-media-type", "malformed-http", "uri-too-long",
      "headers-too-large", "method-not-implemented", "http-version-not-supported", "request-timeout");

  static TestServer server;
  static final ScriptedGateway gateway = new ScriptedGateway();
  static URI base;
  static final HttpClient client = HttpClient.newHttpClient();
  static final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeAll
  static void bind() throws Exception {
    server = new TestServer(gateway);
    base = server.base;
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(ch.qos.logback.classic.Level.DEBUG);
    logged.start();
    root.addAppender(logged);
  }

  @AfterAll
  static void unbind() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAppender(logged);
    root.setLevel(ch.qos.logback.classic.Level.WARN);
    server.close();
  }

  @BeforeEach
  void reset() {
    gateway.asks.clear();
    logged.list.clear();
    gateway.answer(m -> CompletableFuture.completedFuture(new Accepted(Outcome.APPLIED, false, 1, List.of("OrderPlanned"))));
  }

  @AfterEach
  void nothingReachedAnObject() {
    assertThat(gateway.asks).as("commands that reached an object").isEmpty();
  }

  // ---- what Pekko HTTP's parser refuses: problem+json, not plain text ----

  @Test
  void requestsTheHttpParserRefusesAreProblemJson() throws Exception {
    String get = "GET /v1/openapi.yaml HTTP/1.1\r\nHost: localhost\r\n";
    String post = "POST /v1/commands HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer planning-token\r\n"
        + "Content-Type: application/json\r\n";
    assertRefused("GET /A%ZZ HTTP/1.1\r\nHost: localhost\r\n\r\n", 400, "malformed-http");
    assertRefused("GET /v1\\openapi.yaml HTTP/1.1\r\nHost: localhost\r\n\r\n", 400, "malformed-http");
    assertRefused("GET /v1/openapi.yaml HTTP/1.1\r\n\r\n", 400, "malformed-http");
    assertRefused(get + "Host: other\r\n\r\n", 400, "malformed-http");
    assertRefused(post + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{} ", 400, "malformed-http");
    assertRefused(post + "Content-Type: text/plain\r\nContent-Length: 2\r\n\r\n{}", 400, "malformed-http");
    assertRefused(post + "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n", 400,
        "malformed-http");
    assertRefused(post + "Content-Length: -1\r\n\r\n", 400, "malformed-http");
    assertRefused(post + "Content-Length: 99999999999999999999\r\n\r\n", 400, "malformed-http");
    assertRefused(get + "X-Big: " + "a".repeat(100_000) + "\r\n\r\n", 431, "headers-too-large");
    assertRefused(get + "X-Many: 1\r\n".repeat(10_000) + "\r\n", 431, "headers-too-large");
    assertRefused("GET /v1/openapi.yaml?x=" + "a".repeat(9_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n", 414,
        "uri-too-long");
    assertRefused("FROBNICATE /v1/openapi.yaml HTTP/1.1\r\nHost: localhost\r\n\r\n", 501, "method-not-implemented");
    assertRefused("GET /v1/openapi.yaml HTTP/3.7\r\nHost: localhost\r\n\r\n", 505, "http-version-not-supported");
    assertRefused("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", 505, "http-version-not-supported");
  }

  @Test
  void aParserRefusalIsLoggedWithoutWhatTheClientSent() throws Exception {
    RawHttp.send(base, "GET /v1/openapi.yaml HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer planning-token\r\n"
        + "X-Big: " + "a".repeat(100_000) + "\r\n\r\n");
    assertThat(logLines()).noneMatch(line -> line.contains("planning-token") || line.contains("aaaaaaaa"));
  }

  /** A client that gives up mid-request is routine on a plant network: no warning per connection. */
  @Test
  void anAbortedRequestLeavesNoWarning() throws Exception {
    for (int i = 0; i < 20; i++) {
      try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
        socket.setSoLinger(true, 0); // close with a reset, as a crashed client does
        socket.getOutputStream().write(("POST /v1/commands HTTP/1.1\r\nHost: localhost\r\n"
            + "Authorization: Bearer planning-token\r\nContent-Type: application/json\r\n"
            + "Content-Length: 400\r\n\r\n{\"messageId\": ").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        Thread.sleep(20);
      }
    }
    Thread.sleep(500);
    assertThat(logged.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN))
        .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
  }

  // ---- limits the contract states, and agree with each other ----

  @Test
  void aViewPathWithTheLongestPageTokenIsNotRefusedForItsLength() throws Exception {
    var answer = get("/v1/views/production-orders?plant=1000&pageToken=" + "A".repeat(4096), "planning-token");
    assertThat(answer.statusCode()).isNotIn(414, 431);
  }

  @Test
  void aTokenLongerThanAHeaderMayBeIsProblemJson431() throws Exception {
    RawHttp.Answer answer = RawHttp.send(base, "GET /v1/production-orders/1000/A HTTP/1.1\r\nHost: localhost\r\n"
        + "Authorization: Bearer " + "t".repeat(10_000) + "\r\n\r\n");
    assertThat(answer.status()).isEqualTo(431);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
    assertThat(answer.code()).isEqualTo("headers-too-large");
  }

  @Test
  void headOfTheOpenApiDocumentIsAnsweredLikeItsGet() throws Exception {
    var head = client.send(HttpRequest.newBuilder(base.resolve("/v1/openapi.yaml"))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
  }

  // ---- secrets and control characters never reach a log line ----

  @Test
  void aMalformedAuthorizationHeaderIs401AndItsTokenIsNotLogged() throws Exception {
    var answer = get("/v1/production-orders/1000/A", "planning-token x");
    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(logLines()).noneMatch(line -> line.contains("planning-token"));
  }

  @Test
  void aMessageIdWithAControlCharacterIsRefusedNamingTheField() throws Exception {
    for (String messageId : new String[] {"M-1\\nINFO forged line", "M-1\\u0000", "M\\r2", "M\\u007f", "M\\u0085"}) {
      JsonNode problem = command(plan(messageId, "100234"));
      assertThat(problem.path("code").asText()).as(messageId).isEqualTo("invalid-request");
      assertThat(problem.path("errors").path(0).path("pointer").asText()).as(messageId).isEqualTo("/messageId");
    }
    assertThat(logLines()).noneMatch(line -> line.contains("forged"));
  }

  // ---- keys that could never be read back ----

  @Test
  void keysThatAreDotSegmentsAreRefused() throws Exception {
    for (String order : new String[] {".", ".."}) {
      JsonNode problem = command(plan("M-" + order.length(), order));
      assertThat(problem.path("code").asText()).as(order).isEqualTo("invalid-request");
      assertThat(problem.path("errors").path(0).path("pointer").asText()).as(order).isEqualTo("/target/order");
    }
    JsonNode dots = command(plan("M-3", "..."));
    assertThat(dots.path("outcome").asText()).as("three dots are an ordinary key").isEqualTo("applied");
    gateway.asks.clear();
  }

  // ---- problem details in the contract's words, not the parser's ----

  @Test
  void malformedJsonIsDescribedWithoutParserInternals() throws Exception {
    for (String body : new String[] {"[1,2", "{\"messageId\": NaN}", "[".repeat(40) + "]".repeat(40),
        "{\"messageId\": \"M\"} x", "{\"a\": 1e999999999999}"}) {
      JsonNode problem = command(body);
      assertThat(problem.path("code").asText()).as(body).isEqualTo("invalid-request");
      assertThat(problem.toString()).as(body).doesNotContain("Feature", "Constraints", "Source", "REDACTED",
          "jackson", "getMax");
    }
    assertThat(command("[1,2").path("detail").asText()).contains("ends before the JSON is complete", "line 1");
    assertThat(command("{\"messageId\": NaN}").path("detail").asText()).contains("'NaN' is not a JSON value");
    assertThat(command("[".repeat(40) + "]".repeat(40)).path("detail").asText()).contains("nests deeper");
  }

  @Test
  void batchLinesAreDescribedWithoutParserInternals() throws Exception {
    var response = client.send(HttpRequest.newBuilder(base.resolve("/v1/commands:batch"))
        .header("Authorization", "Bearer planning-token").header("Content-Type", "application/x-ndjson")
        .POST(HttpRequest.BodyPublishers.ofString("[1,2\n{\"messageId\": NaN}\n" + "[".repeat(40) + "]".repeat(40)))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body().split("\n")).hasSize(3).allSatisfy(line -> {
      assertThat(line).contains("invalid-request").doesNotContain("Feature", "Constraints", "REDACTED");
    });
  }

  private static void assertRefused(String request, int status, String code) throws Exception {
    RawHttp.Answer answer = RawHttp.send(base, request);
    String shown = request.length() > 80 ? request.substring(0, 80) + "..." : request;
    assertThat(answer.status()).as("status of %s", shown).isEqualTo(status);
    assertThat(answer.contentType()).as("content type of %s", shown).isEqualTo("application/problem+json");
    assertThat(answer.code()).as("code of %s", shown).isEqualTo(code).isIn(CONTRACT_CODES);
    assertThat(answer.json().path("status").asInt()).isEqualTo(status);
  }

  private static HttpResponse<String> get(String path, String token) throws Exception {
    return client.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode command(String body) throws Exception {
    var response = client.send(HttpRequest.newBuilder(base.resolve("/v1/commands"))
        .header("Authorization", "Bearer planning-token").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }

  /** A plan command; {@code messageId} is put into the JSON as it is (escapes included). */
  private static String plan(String messageId, String order) {
    return ("{\"messageId\": \"%s\", \"type\": \"production-order.plan\", \"target\": {\"plant\": \"1000\", "
        + "\"order\": \"%s\"}, \"data\": {\"material\": \"FG-100\", \"quantity\": 500, \"uom\": \"EA\", "
        + "\"scheduledStart\": \"2026-12-01T06:00:00Z\", \"scheduledEnd\": \"2026-12-03T18:00:00Z\", "
        + "\"priority\": 10}}").formatted(messageId, order);
  }

  private static List<String> logLines() {
    return logged.list.stream().map(e -> e.getFormattedMessage() + " " + e.getMDCPropertyMap()).toList();
  }
}
