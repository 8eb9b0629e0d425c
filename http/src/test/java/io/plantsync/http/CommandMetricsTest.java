package io.plantsync.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.plantsync.aggregates.common.CommandReply.Accepted;
import io.plantsync.aggregates.common.CommandReply.Outcome;
import io.plantsync.aggregates.common.CommandReply.Rejected;
import io.plantsync.aggregates.common.ErrorCode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every command an adapter sends is counted with bounded labels and timed, single or in a batch. */
class CommandMetricsTest {

  static final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  static final ScriptedGateway gateway = new ScriptedGateway();
  static final HttpClient client = HttpClient.newHttpClient();
  static TestServer server;

  @BeforeAll
  static void bind() throws Exception {
    server = new TestServer(settings -> new ApiRoutes(settings, settings.adapterRegistry(), TestServer.parser(),
        gateway, new NoBusinessExceptions(), registry).routes());
  }

  @AfterAll
  static void unbind() {
    server.close();
  }

  @BeforeEach
  void reset() {
    registry.clear();
  }

  static int post(String path, String token, String contentType, String body) throws Exception {
    var request = HttpRequest.newBuilder(server.base.resolve(path))
        .header("Authorization", "Bearer " + token).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  static int command(String token, String body) throws Exception {
    return post("/v1/commands", token, "application/json", body);
  }

  static double commands(String type, String outcome, String errorCode, String adapterKind) {
    var counter = registry.find("plantsync.commands").tags("command_type", type, "outcome", outcome,
        "error_code", errorCode, "adapter_kind", adapterKind).counter();
    return counter == null ? 0 : counter.count();
  }

  void entitiesAnswer(Object reply) {
    gateway.answer(m -> CompletableFuture.completedFuture(reply));
  }

  @Test
  void eachOutcomeIsCountedByTypeErrorCodeAndAdapterKind() throws Exception {
    entitiesAnswer(new Accepted(Outcome.APPLIED, false, 1, List.of("OrderPlanned")));
    assertThat(command("planning-token", ApiRoutesTest.PLAN)).isEqualTo(200);
    entitiesAnswer(new Accepted(Outcome.APPLIED, true, 1, List.of("OrderPlanned")));
    assertThat(command("planning-token", ApiRoutesTest.PLAN)).isEqualTo(200);
    entitiesAnswer(new Rejected(ErrorCode.INVALID_TRANSITION, "closed"));
    assertThat(command("planning-token", ApiRoutesTest.PLAN)).isEqualTo(409);
    gateway.answer(m -> CompletableFuture.failedFuture(new TimeoutException("ask timed out")));
    assertThat(command("planning-token", ApiRoutesTest.PLAN)).isEqualTo(503);
    assertThat(command("mes-2000-token", ApiRoutesTest.PLAN)).isEqualTo(403);
    assertThat(command("planning-token", "{\"messageId\": \"X-1\", \"type\": \"order.explode\"}")).isEqualTo(400);

    String plan = "production-order.plan";
    assertThat(commands(plan, "applied", "none", "PLANNING")).isEqualTo(1);
    assertThat(commands(plan, "duplicate", "none", "PLANNING")).isEqualTo(1);
    assertThat(commands(plan, "rejected", "invalid-transition", "PLANNING")).isEqualTo(1);
    assertThat(commands(plan, "unavailable", "unavailable", "PLANNING")).isEqualTo(1);
    assertThat(commands(plan, "rejected", "plant-not-allowed", "MES")).isEqualTo(1);
    assertThat(commands("unknown", "invalid", "invalid-request", "PLANNING")).isEqualTo(1);

    var applied = registry.get("plantsync.command.duration").tags("command_type", plan, "outcome", "applied").timer();
    assertThat(applied.count()).isEqualTo(1);
    assertThat(applied.takeSnapshot().histogramCounts()).isNotEmpty();
    assertThat(registry.find("plantsync.command.duration").tags("outcome", "invalid").timer())
        .as("only commands that reached the executor are timed").isNull();
  }

  @Test
  void batchLinesAreCountedLikeSingleCommands() throws Exception {
    gateway.answer(m -> CompletableFuture.failedFuture(new TimeoutException("ask timed out")));
    String line = ApiRoutesTest.PLAN.replace("\n", " ");
    String body = line + "\n" + line.replace("PLN-1", "PLN-2") + "\n\n";
    assertThat(post("/v1/commands:batch", "planning-token", "application/x-ndjson", body)).isEqualTo(200);

    String plan = "production-order.plan";
    assertThat(commands(plan, "unavailable", "unavailable", "PLANNING")).as("one tried, one not attempted")
        .isEqualTo(2);
    assertThat(commands("unknown", "invalid", "invalid-request", "PLANNING")).as("the empty line").isEqualTo(1);
  }

  @Test
  void noLabelNamesAnObjectAMessageOrAnAdapter() throws Exception {
    entitiesAnswer(new Accepted(Outcome.APPLIED, false, 1, List.of("OrderPlanned")));
    command("planning-token", ApiRoutesTest.PLAN);
    command("planning-token", "not json");
    for (Meter meter : registry.getMeters()) {
      assertThat(meter.getId().getTags()).extracting(Tag::getKey)
          .isSubsetOf("command_type", "outcome", "error_code", "adapter_kind", "le");
      assertThat(meter.getId().getTags()).extracting(Tag::getValue)
          .doesNotContain("100234", "1000", "PLN-1", "planning");
    }
  }
}
