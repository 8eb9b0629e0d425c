package io.plantsync.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plantsync.aggregates.common.CommandReply.Accepted;
import io.plantsync.aggregates.common.CommandReply.Outcome;
import io.plantsync.aggregates.common.CommandReply.Rejected;
import io.plantsync.aggregates.common.ErrorCode;
import io.plantsync.projections.exceptions.BusinessException;
import io.plantsync.projections.exceptions.BusinessExceptionLog;
import io.plantsync.projections.views.ViewQueries;
import io.plantsync.projections.views.ViewQueries.Page;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.pekko.Done;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rejections recorded as business exceptions (which answers are, which are not) and the
 * exceptions view, over real HTTP with scripted entities and an in-memory log.
 */
class BusinessExceptionRoutesTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String PLAN = ApiRoutesTest.PLAN;

  static TestServer server;
  static URI base;
  static final HttpClient client = HttpClient.newHttpClient();
  static final ScriptedGateway gateway = new ScriptedGateway();
  static final InMemoryLog exceptions = new InMemoryLog();

  /** Keeps what is recorded; answers queries with the scripted page and remembers them. */
  static final class InMemoryLog implements BusinessExceptionLog {
    final List<BusinessException> recorded = new CopyOnWriteArrayList<>();
    final List<String> queries = new CopyOnWriteArrayList<>();
    final List<Instant> sinces = new CopyOnWriteArrayList<>();
    volatile Supplier<CompletionStage<Done>> write;
    volatile Supplier<CompletionStage<Page<BusinessException>>> answer;

    @Override
    public CompletionStage<Done> record(BusinessException exception) {
      recorded.add(exception);
      return write.get();
    }

    @Override
    public CompletionStage<Page<BusinessException>> query(String plant, Instant since, int limit,
        Optional<String> pageToken) {
      queries.add(plant + " " + limit + " " + pageToken);
      sinces.add(since);
      return answer.get();
    }
  }

  @BeforeAll
  static void bind() throws Exception {
    server = new TestServer(settings -> {
      var api = new ApiRoutes(settings, settings.adapterRegistry(), TestServer.parser(), gateway, exceptions,
          new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
      return api.routes(List.of(new ViewRoutes(api::authenticated, settings, new NoViews(), exceptions).routes()));
    });
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
    exceptions.recorded.clear();
    exceptions.queries.clear();
    exceptions.sinces.clear();
    exceptions.write = () -> CompletableFuture.completedFuture(Done.getInstance());
    exceptions.answer = () -> CompletableFuture.completedFuture(new Page<>(List.of(), null));
  }

  // ---- what is recorded ----

  @Test
  void anEntityRejectionIsRecordedWithAdapterObjectTypeCodeAndTime() throws Exception {
    gateway.answer(m -> CompletableFuture.completedFuture(new Rejected(ErrorCode.INVALID_TRANSITION, "not while CLOSED")));
    Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    assertThat(command("planning-token", PLAN).statusCode()).isEqualTo(409);
    Instant after = Instant.now();

    assertThat(exceptions.recorded).singleElement().satisfies(e -> {
      assertThat(e.at()).isBetween(before, after);
      assertThat(e.adapterId()).isEqualTo("planning");
      assertThat(e.adapterKind()).isEqualTo("PLANNING");
      assertThat(e.plant()).isEqualTo("1000");
      assertThat(e.objectType()).isEqualTo("production-order");
      assertThat(e.objectId()).isEqualTo("1000/100234");
      assertThat(e.commandType()).isEqualTo("production-order.plan");
      assertThat(e.messageId()).isEqualTo("PLN-1");
      assertThat(e.code()).isEqualTo("invalid-transition");
      assertThat(e.detail()).isEqualTo("not while CLOSED");
    });
  }

  @Test
  void aCommandForAnotherPlantIsRecordedThoughNoEntityIsAsked() throws Exception {
    assertThat(command("mes-2000-token", PLAN).statusCode()).isEqualTo(403);
    assertThat(gateway.asks).isEmpty();
    assertThat(exceptions.recorded).singleElement().satisfies(e -> {
      assertThat(e.adapterId()).isEqualTo("mes-2000");
      assertThat(e.adapterKind()).isEqualTo("MES");
      assertThat(e.plant()).isEqualTo("1000");
      assertThat(e.objectId()).isEqualTo("1000/100234");
      assertThat(e.commandType()).isEqualTo("production-order.plan");
      assertThat(e.code()).isEqualTo("plant-not-allowed");
      assertThat(e.detail()).isEqualTo("adapter mes-2000 may not act on plant 1000");
    });
  }

  @Test
  void anUnansweredCommandAnInvalidEnvelopeAndAnAcceptedCommandAreNotRecorded() throws Exception {
    assertThat(command("planning-token", PLAN).statusCode()).isEqualTo(200);
    assertThat(command("planning-token", PLAN.replace("\"order\": \"100234\"", "\"order\": \"a/b\"")).statusCode())
        .isEqualTo(400);
    gateway.answer(m -> CompletableFuture.failedFuture(new TimeoutException("ask timed out")));
    assertThat(command("planning-token", PLAN).statusCode()).isEqualTo(503);
    assertThat(exceptions.recorded).isEmpty();
  }

  @Test
  void aRejectedBatchLineIsRecordedAndAnUnparsableOneIsNot() throws Exception {
    gateway.answer(m -> CompletableFuture.completedFuture(new Rejected(ErrorCode.NOT_SYSTEM_OF_RECORD, "MES may not")));
    String body = PLAN.replace("\n", " ") + "\n{\"messageId\": \"X\"}\n";
    var response = client.send(HttpRequest.newBuilder(base.resolve("/v1/commands:batch"))
        .header("Authorization", "Bearer planning-token").header("Content-Type", "application/x-ndjson")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(exceptions.recorded).singleElement().satisfies(e -> {
      assertThat(e.code()).isEqualTo("not-system-of-record");
      assertThat(e.messageId()).isEqualTo("PLN-1");
    });
  }

  @Test
  void aSlowOrBrokenLogNeverHoldsUpOrFailsTheAnswer() throws Exception {
    gateway.answer(m -> CompletableFuture.completedFuture(new Rejected(ErrorCode.INVALID_TRANSITION, "not while CLOSED")));
    exceptions.write = CompletableFuture::new;
    var slow = command("planning-token", PLAN);
    assertThat(slow.statusCode()).isEqualTo(409);
    exceptions.write = () -> {
      throw new IllegalStateException("log broken");
    };
    var broken = command("planning-token", PLAN);
    assertThat(broken.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(broken.body()).path("code").asText()).isEqualTo("invalid-transition");
    assertThat(exceptions.recorded).hasSize(2);
  }

  // ---- the view ----

  @Test
  void theViewListsThePlantsExceptionsWithTheirFieldsAndTheNextPageToken() throws Exception {
    BusinessException e = new BusinessException(Instant.parse("2026-11-27T08:00:00.123Z"), "mes-1000", "MES", "1000",
        "production-order", "1000/100234", "production-order.confirm-operation", "MES-1", "object-on-hold",
        "held by 1000/Q-1");
    exceptions.answer = () -> CompletableFuture.completedFuture(new Page<>(List.of(e), "next-1"));
    var response = get("planning-token",
        "/v1/views/exceptions?plant=1000&since=2026-11-27T00:00:00%2B01:00&limit=1&pageToken=abc");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    JsonNode item = body.path("items").get(0);
    assertThat(item.path("at").asText()).isEqualTo("2026-11-27T08:00:00.123Z");
    assertThat(item.path("adapterId").asText()).isEqualTo("mes-1000");
    assertThat(item.path("adapterKind").asText()).isEqualTo("MES");
    assertThat(item.path("objectType").asText()).isEqualTo("production-order");
    assertThat(item.path("objectId").asText()).isEqualTo("1000/100234");
    assertThat(item.path("commandType").asText()).isEqualTo("production-order.confirm-operation");
    assertThat(item.path("code").asText()).isEqualTo("object-on-hold");
    assertThat(body.path("nextPageToken").asText()).isEqualTo("next-1");
    assertThat(exceptions.queries).containsExactly("1000 1 Optional[abc]");
    assertThat(exceptions.sinces).containsExactly(Instant.parse("2026-11-26T23:00:00Z"));
  }

  @Test
  void withoutSinceTheLastDayIsListedInPagesOf100() throws Exception {
    assertThat(get("planning-token", "/v1/views/exceptions?plant=2000").statusCode()).isEqualTo(200);
    assertThat(exceptions.queries).containsExactly("2000 100 Optional.empty");
    assertThat(Duration.between(exceptions.sinces.get(0), Instant.now()).toSeconds())
        .isCloseTo(24 * 3600, within(60L));
  }

  @Test
  void aBadOrTooOldSinceAndUnknownParametersAreInvalid() throws Exception {
    assertInvalid("/v1/views/exceptions?plant=1000&since=yesterday", "/since", "must be an RFC 3339 time");
    assertInvalid("/v1/views/exceptions?plant=1000&since=2026-11-27", "/since", "must be an RFC 3339 time");
    assertInvalid("/v1/views/exceptions?plant=1000&since=" + Instant.now().minus(Duration.ofDays(32)), "/since",
        "at most 31 days ago");
    assertInvalid("/v1/views/exceptions?plant=1000&status=PLACED", "/status", "is not a parameter");
    assertInvalid("/v1/views/exceptions?since=2026-11-27T00:00:00Z", "/plant", "is required");
    assertThat(exceptions.queries).isEmpty();
  }

  @Test
  void anotherPlantsExceptionsAreRefused() throws Exception {
    var response = get("mes-2000-token", "/v1/views/exceptions?plant=1000");
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(response.body()).path("code").asText()).isEqualTo("plant-not-allowed");
    assertThat(get(null, "/v1/views/exceptions?plant=1000").statusCode()).isEqualTo(401);
    assertThat(exceptions.queries).isEmpty();
  }

  @Test
  void aForeignPageTokenIsInvalidAndAnUnreadableLogIsUnavailable() throws Exception {
    exceptions.answer = () -> CompletableFuture.failedFuture(new ViewQueries.InvalidPageToken("belongs to another query"));
    assertInvalid("/v1/views/exceptions?plant=1000&pageToken=xyz", "/pageToken", "belongs to another query");
    exceptions.answer = () -> CompletableFuture.failedFuture(new TimeoutException("cassandra"));
    var response = get("planning-token", "/v1/views/exceptions?plant=1000");
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
  }

  private void assertInvalid(String path, String pointer, String message) throws Exception {
    var response = get("planning-token", path);
    assertThat(response.statusCode()).as(path).isEqualTo(400);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("errors").get(0).path("pointer").asText()).as(path).isEqualTo(pointer);
    assertThat(body.path("errors").get(0).path("message").asText()).as(path).contains(message);
  }

  private static HttpResponse<String> command(String token, String body) throws Exception {
    return client.send(HttpRequest.newBuilder(base.resolve("/v1/commands"))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String token, String path) throws Exception {
    var request = HttpRequest.newBuilder(base.resolve(path)).GET();
    if (token != null) request.header("Authorization", "Bearer " + token);
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The object views are not under test here. */
  static final class NoViews implements ViewQueries {
    @Override
    public CompletionStage<Page<io.plantsync.projections.views.ProductionOrderRow>> productionOrders(String plant,
        Optional<io.plantsync.aggregates.productionorder.OrderStatus> status, int limit, Optional<String> pageToken) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CompletionStage<Page<io.plantsync.projections.views.InventoryPosition>> inventoryPositions(String plant,
        Optional<String> material, int limit, Optional<String> pageToken) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CompletionStage<Page<io.plantsync.projections.views.QualityHoldRow>> qualityHolds(String plant,
        Optional<io.plantsync.aggregates.qualityhold.HoldStatus> status, int limit, Optional<String> pageToken) {
      throw new UnsupportedOperationException();
    }
  }
}
