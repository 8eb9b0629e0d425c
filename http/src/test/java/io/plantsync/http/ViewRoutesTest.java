package io.plantsync.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plantsync.aggregates.productionorder.OrderStatus;
import io.plantsync.aggregates.qualityhold.HoldStatus;
import io.plantsync.projections.views.InventoryPosition;
import io.plantsync.projections.views.ProductionOrderRow;
import io.plantsync.projections.views.QualityHoldRow;
import io.plantsync.projections.views.ViewQueries;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The view endpoints over real HTTP, with scripted queries behind them: checks, scope and answers. */
class ViewRoutesTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant AT = Instant.parse("2026-11-27T08:00:00Z");
  static final ProductionOrderRow ORDER = new ProductionOrderRow("2000", "OA-1", "RELEASED", "REL", "FG-100",
      new BigDecimal("100"), "EA", BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, false, false, 10, 2, AT);

  static TestServer server;
  static URI base;
  static final HttpClient client = HttpClient.newHttpClient();
  static final ScriptedQueries queries = new ScriptedQueries();

  /** Records every query and answers with the scripted page (or failure). */
  static final class ScriptedQueries implements ViewQueries {
    final List<String> calls = new ArrayList<>();
    volatile Supplier<CompletionStage<Page<?>>> answer;

    @SuppressWarnings("unchecked")
    private synchronized <T> CompletionStage<Page<T>> record(String call) {
      calls.add(call);
      return answer.get().thenApply(page -> (Page<T>) page);
    }

    @Override
    public CompletionStage<Page<ProductionOrderRow>> productionOrders(String plant, Optional<OrderStatus> status,
        int limit, Optional<String> pageToken) {
      return record("orders " + plant + " " + status + " " + limit + " " + pageToken);
    }

    @Override
    public CompletionStage<Page<InventoryPosition>> inventoryPositions(String plant, Optional<String> material,
        int limit, Optional<String> pageToken) {
      return record("positions " + plant + " " + material + " " + limit + " " + pageToken);
    }

    @Override
    public CompletionStage<Page<QualityHoldRow>> qualityHolds(String plant, Optional<HoldStatus> status, int limit,
        Optional<String> pageToken) {
      return record("holds " + plant + " " + status + " " + limit + " " + pageToken);
    }
  }

  @BeforeAll
  static void bind() throws Exception {
    server = new TestServer(settings -> {
      var api = TestServer.api(settings, new ScriptedGateway());
      return api.routes(List.of(new ViewRoutes(api::authenticated, settings, queries, new NoBusinessExceptions())
          .routes()));
    });
    base = server.base;
  }

  @AfterAll
  static void unbind() {
    server.close();
  }

  @BeforeEach
  void reset() {
    queries.calls.clear();
    queries.answer = () -> CompletableFuture.completedFuture(new ViewQueries.Page<>(List.of(ORDER), "next-1"));
  }

  @Test
  void aPageIsItemsAndTheTokenOfTheNextPage() throws Exception {
    var response = get("mes-2000-token",
        "/v1/views/production-orders?plant=2000&status=RELEASED&limit=1&pageToken=abc");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("items").get(0).path("order").asText()).isEqualTo("OA-1");
    assertThat(body.path("items").get(0).path("sapStatus").asText()).isEqualTo("REL");
    assertThat(body.path("nextPageToken").asText()).isEqualTo("next-1");
    assertThat(queries.calls).containsExactly("orders 2000 Optional[RELEASED] 1 Optional[abc]");
  }

  @Test
  void withoutFiltersEveryObjectOfThePlantIsAskedForInPagesOf100() throws Exception {
    queries.answer = () -> CompletableFuture.completedFuture(new ViewQueries.Page<>(List.of(), null));
    var response = get("planning-token", "/v1/views/quality-holds?plant=1000");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).path("nextPageToken").isNull()).isTrue();
    get("planning-token", "/v1/views/inventory-positions?plant=1000&material=RM-7");
    assertThat(queries.calls).containsExactly("holds 1000 Optional.empty 100 Optional.empty",
        "positions 1000 Optional[RM-7] 100 Optional.empty");
  }

  @Test
  void aPlantOutsideTheAdaptersScopeIsRefused() throws Exception {
    var response = get("mes-2000-token", "/v1/views/inventory-positions?plant=1000");
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(response.body()).path("code").asText()).isEqualTo("plant-not-allowed");
    assertThat(queries.calls).isEmpty();
  }

  @Test
  void aMissingOrMalformedPlantIsAnInvalidRequest() throws Exception {
    assertInvalid("/v1/views/production-orders", "/plant", "is required");
    assertInvalid("/v1/views/production-orders?plant=10%2F00", "/plant", "must be 1-40 characters");
    assertThat(queries.calls).isEmpty();
  }

  @Test
  void anUnknownStatusNamesTheAllowedOnes() throws Exception {
    assertInvalid("/v1/views/production-orders?plant=1000&status=DONE", "/status",
        "must be one of PLANNED, RELEASED, PARTIALLY_CONFIRMED, CONFIRMED, DELIVERED, TECHNICALLY_COMPLETE, "
            + "CLOSED, CANCELLED");
    assertInvalid("/v1/views/quality-holds?plant=1000&status=RELEASE", "/status", "must be one of PLACED, RELEASED");
  }

  @Test
  void limitsOutsideOneToOneThousandAndUnknownOrRepeatedParametersAreInvalid() throws Exception {
    assertInvalid("/v1/views/quality-holds?plant=1000&limit=0", "/limit", "must be an integer from 1 to 1000");
    assertInvalid("/v1/views/quality-holds?plant=1000&limit=1001", "/limit", "must be an integer from 1 to 1000");
    assertInvalid("/v1/views/quality-holds?plant=1000&limit=ten", "/limit", "must be an integer from 1 to 1000");
    assertInvalid("/v1/views/quality-holds?plant=1000&staus=PLACED", "/staus", "is not a parameter of this view");
    assertInvalid("/v1/views/inventory-positions?plant=1000&status=PLACED", "/status", "is not a parameter");
    assertInvalid("/v1/views/quality-holds?plant=1000&plant=2000", "/plant", "must be given once");
    assertThat(queries.calls).isEmpty();
  }

  @Test
  void aPageTokenOfAnotherQueryIsAnInvalidRequest() throws Exception {
    queries.answer = () -> CompletableFuture.failedFuture(new ViewQueries.InvalidPageToken("belongs to another query"));
    assertInvalid("/v1/views/production-orders?plant=1000&pageToken=xyz", "/pageToken", "belongs to another query");
  }

  @Test
  void aViewThatCannotBeReadIsUnavailableWithRetryAfter() throws Exception {
    queries.answer = () -> CompletableFuture.failedFuture(new java.util.concurrent.TimeoutException("cassandra"));
    var response = get("planning-token", "/v1/views/quality-holds?plant=1000");
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void viewsNeedAToken() throws Exception {
    assertThat(get(null, "/v1/views/quality-holds?plant=1000").statusCode()).isEqualTo(401);
    assertThat(get("planning-token", "/v1/views/unknown?plant=1000").statusCode()).isEqualTo(404);
  }

  private void assertInvalid(String path, String pointer, String message) throws Exception {
    var response = get("planning-token", path);
    assertThat(response.statusCode()).as(path).isEqualTo(400);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("code").asText()).isEqualTo("invalid-request");
    assertThat(body.path("errors").get(0).path("pointer").asText()).isEqualTo(pointer);
    assertThat(body.path("errors").get(0).path("message").asText()).contains(message);
  }

  private HttpResponse<String> get(String token, String path) throws Exception {
    var request = HttpRequest.newBuilder(base.resolve(path)).GET();
    if (token != null) request.header("Authorization", "Bearer " + token);
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
