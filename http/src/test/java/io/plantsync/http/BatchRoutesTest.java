package io.plantsync.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plantsync.aggregates.common.CommandReply;
import io.plantsync.aggregates.common.CommandReply.Accepted;
import io.plantsync.aggregates.common.CommandReply.Outcome;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Batch intake over real HTTP, with entities that answer slowly so ordering mistakes would show. */
class BatchRoutesTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient client = HttpClient.newHttpClient();

  /** Answers every ask after a few milliseconds and notes any object asked twice at once. */
  static final class SlowEntities implements EntityGateway {
    final List<String> askedInOrder = Collections.synchronizedList(new ArrayList<>());
    final Set<String> busy = ConcurrentHashMap.newKeySet();
    final AtomicInteger overlaps = new AtomicInteger();
    final AtomicInteger concurrent = new AtomicInteger();
    final AtomicInteger maxConcurrent = new AtomicInteger();
    volatile String unavailableEntity = "";

    @Override
    @SuppressWarnings("unchecked")
    public <M, R> CompletionStage<R> ask(EntityTypeKey<M> type, String entityId, Function<ActorRef<R>, M> message) {
      askedInOrder.add(entityId + " " + message.apply(null).getClass().getSimpleName());
      if (!busy.add(entityId)) overlaps.incrementAndGet();
      maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
      var delayed = CompletableFuture.delayedExecutor(5, TimeUnit.MILLISECONDS);
      return CompletableFuture.supplyAsync(() -> {
        busy.remove(entityId);
        concurrent.decrementAndGet();
        if (entityId.equals(unavailableEntity)) throw new java.util.concurrent.CompletionException(new TimeoutException());
        return (R) (CommandReply) new Accepted(Outcome.APPLIED, false, 1, List.of("Event"));
      }, delayed);
    }
  }

  static SlowEntities entities = new SlowEntities();
  static TestServer server;

  @BeforeAll
  static void bind() throws Exception {
    server = new TestServer(entities);
  }

  @AfterAll
  static void unbind() {
    server.close();
  }

  @BeforeEach
  void reset() {
    entities.askedInOrder.clear();
    entities.overlaps.set(0);
    entities.maxConcurrent.set(0);
    entities.unavailableEntity = "";
  }

  static String reprioritize(String messageId, String order, int priority) {
    return ("{\"messageId\": \"%s\", \"type\": \"production-order.reprioritize\", "
        + "\"target\": {\"plant\": \"1000\", \"order\": \"%s\"}, \"data\": {\"priority\": %d}}")
        .formatted(messageId, order, priority);
  }

  static HttpResponse<String> post(String contentType, String body) throws Exception {
    return client.send(HttpRequest.newBuilder(server.base.resolve("/v1/commands:batch"))
        .header("Authorization", "Bearer planning-token").header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static List<JsonNode> lines(HttpResponse<String> response) throws Exception {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : response.body().split("\n")) lines.add(JSON.readTree(line));
    return lines;
  }

  @Test
  void everyLineIsAnsweredInInputOrderAndOneBadLineFailsNothingElse() throws Exception {
    String body = String.join("\n", reprioritize("M-1", "A", 1), "{not json", reprioritize("M-2", "B", 2),
        reprioritize("M-3", "A", 3).replace("\"priority\": 3", "\"priority\": 0"), reprioritize("M-4", "A", 4)) + "\n";
    var response = post("application/x-ndjson", body);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/x-ndjson"));
    List<JsonNode> lines = lines(response);
    assertThat(lines).extracting(l -> l.path("line").asInt()).containsExactly(1, 2, 3, 4, 5);
    assertThat(lines.get(0).path("outcome").asText()).isEqualTo("applied");
    assertThat(lines.get(1).path("code").asText()).isEqualTo("invalid-request");
    assertThat(lines.get(2).path("outcome").asText()).isEqualTo("applied");
    assertThat(lines.get(3).path("errors").get(0).path("pointer").asText()).isEqualTo("/data/priority");
    assertThat(lines.get(4).path("outcome").asText()).isEqualTo("applied");
  }

  @Test
  void linesForOneObjectRunInOrderAndObjectsRunConcurrently() throws Exception {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 20; i++) body.append(reprioritize("M-" + i, "O" + (i % 4), i + 1)).append('\n');
    assertThat(post("application/x-ndjson", body.toString()).statusCode()).isEqualTo(200);
    assertThat(entities.overlaps.get()).as("an object asked again before it answered").isZero();
    assertThat(entities.maxConcurrent.get()).as("objects worked on at the same time").isBetween(2, 4);
    for (int o = 0; o < 4; o++) {
      String object = "1000/O" + o;
      assertThat(entities.askedInOrder.stream().filter(a -> a.startsWith(object + " ")).count()).isEqualTo(5);
    }
  }

  @Test
  void afterAnObjectDoesNotAnswerItsLaterLinesAreNotAttempted() throws Exception {
    entities.unavailableEntity = "1000/A";
    String body = String.join("\n", reprioritize("M-1", "A", 1), reprioritize("M-2", "A", 2), reprioritize("M-3", "B", 3));
    List<JsonNode> lines = lines(post("application/x-ndjson", body));
    assertThat(lines.get(0).path("status").asInt()).isEqualTo(503);
    assertThat(lines.get(1).path("status").asInt()).isEqualTo(503);
    assertThat(lines.get(1).path("detail").asText()).contains("not attempted");
    assertThat(lines.get(2).path("outcome").asText()).isEqualTo("applied");
    assertThat(entities.askedInOrder).containsExactlyInAnyOrder("1000/A Reprioritize", "1000/B Reprioritize");
  }

  @Test
  void plantScopeIsCheckedPerLine() throws Exception {
    String line = reprioritize("M-1", "A", 1);
    var response = client.send(HttpRequest.newBuilder(server.base.resolve("/v1/commands:batch"))
        .header("Authorization", "Bearer mes-2000-token").header("Content-Type", "application/x-ndjson")
        .POST(HttpRequest.BodyPublishers.ofString(line)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(lines(response).get(0).path("code").asText()).isEqualTo("plant-not-allowed");
    assertThat(entities.askedInOrder).isEmpty();
  }

  @Test
  void tooManyLinesOrBytesRefuseTheWholeBatch() throws Exception {
    String tooMany = (reprioritize("M", "A", 1) + "\n").repeat(21);
    var lines = post("application/x-ndjson", tooMany);
    assertThat(lines.statusCode()).isEqualTo(413);
    assertThat(JSON.readTree(lines.body()).path("code").asText()).isEqualTo("payload-too-large");
    var bytes = post("application/x-ndjson", "x".repeat(70 * 1024));
    assertThat(bytes.statusCode()).isEqualTo(413);
    assertThat(entities.askedInOrder).isEmpty();
  }

  @Test
  void aLineOverTheSingleCommandLimitIsRefusedAlone() throws Exception {
    String big = reprioritize("M-1", "A", 1).replace("}}", "}, \"pad\": \"" + "x".repeat(5000) + "\"}");
    List<JsonNode> lines = lines(post("application/x-ndjson", big + "\n" + reprioritize("M-2", "B", 2)));
    assertThat(lines.get(0).path("code").asText()).isEqualTo("payload-too-large");
    assertThat(lines.get(1).path("outcome").asText()).isEqualTo("applied");
  }

  @Test
  void aBatchMustBeNdjson() throws Exception {
    assertThat(post("application/json", reprioritize("M-1", "A", 1)).statusCode()).isEqualTo(415);
  }

  @Test
  void blankLinesInsideTheBatchAreAnsweredAsInvalid() throws Exception {
    List<JsonNode> lines = lines(post("application/x-ndjson", reprioritize("M-1", "A", 1) + "\n\n" + reprioritize("M-2", "A", 2) + "\r\n"));
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1).path("code").asText()).isEqualTo("invalid-request");
    assertThat(lines.get(2).path("outcome").asText()).isEqualTo("applied");
  }
}
