package io.plantsync.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantsync.aggregates.common.CommandReply.Accepted;
import io.plantsync.aggregates.common.CommandReply.Outcome;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StoreAwareGatewayTest {

  static final ScriptedGateway entities = new ScriptedGateway();
  static final AtomicBoolean storeUnreachable = new AtomicBoolean();
  static TestServer server;

  @BeforeAll
  static void bind() throws Exception {
    entities.answer(m -> CompletableFuture.completedFuture(new Accepted(Outcome.APPLIED, false, 1, List.of("OrderPlanned"))));
    server = new TestServer(new StoreAwareGateway(entities, storeUnreachable::get));
  }

  @AfterAll
  static void unbind() {
    server.close();
  }

  @Test
  void whileTheStoreIsUnreachableCommandsAre503AtOnceAndReachNoEntity() throws Exception {
    storeUnreachable.set(true);
    HttpResponse<String> refused = plan("PLN-OUT-1");
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.body()).contains("the event store cannot be reached");
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("2");
    assertThat(entities.asks).isEmpty();

    storeUnreachable.set(false);
    assertThat(plan("PLN-OUT-1").statusCode()).isEqualTo(200);
    assertThat(entities.asks).hasSize(1);
  }

  private static HttpResponse<String> plan(String messageId) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.base.resolve("/v1/commands"))
        .header("Authorization", "Bearer planning-token").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(ApiRoutesTest.PLAN.replace("PLN-1", messageId))).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
