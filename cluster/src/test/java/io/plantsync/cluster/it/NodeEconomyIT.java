package io.plantsync.cluster.it;

import static io.plantsync.cluster.it.Envelopes.command;
import static io.plantsync.cluster.it.Envelopes.lot;
import static io.plantsync.cluster.it.Envelopes.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a node spends besides its work. Idle, its projections poll rarely and learn of new events from
 * the journal's tag notifications instead. Warm, it processes commands, and its projections their
 * events, on the threads it already has: no thread per command or per callback. The failsafe JVM runs with the JDK's common pool at
 * parallelism 1, as on a 2-CPU machine, where every callback left to the JDK's default async
 * executor starts a thread of its own (before the fix, ~1.5 per persisted command).
 */
@ExtendWith(SharedCassandra.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeEconomyIT {

  static final int CLIENTS = 16;
  static final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

  static TestNode node;
  static ApiClient api;
  static ExecutorService clients;

  @BeforeAll
  static void startNode() throws Exception {
    node = TestNode.start(SharedCassandra.node());
    api = new ApiClient(node.baseUri());
    clients = Executors.newFixedThreadPool(CLIENTS);
  }

  @AfterAll
  static void stopNode() throws Exception {
    if (clients != null) clients.shutdownNow();
    if (node != null) node.close();
  }

  /**
   * Polling alone (every {@code query.refresh-interval}, 5 s) would show a new lot after 2-7 s (the
   * 2 s consistency delay plus the wait for the next poll); notified, the view has it ~2 s after.
   */
  @Test
  @Order(1)
  void anIdleNodesViewsFollowACommandWithinTheConsistencyDelayNotThePollInterval() throws Exception {
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Thread.sleep(3_000); // idle: the poll's phase is anywhere
      String material = "EC-" + UUID.randomUUID().toString().substring(0, 8);
      long sent = System.nanoTime();
      ok(api.command("dev-wms-token", command("N-" + material, "inventory-lot.receive", lot("1000", material, "B1"),
          "{\"movementId\": \"N" + material + "\", \"quantity\": 5, \"uom\": \"KG\", \"storageLocation\": \"L1\"}")));
      await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> api.get("dev-erp-token",
          "/v1/views/inventory-positions?plant=1000&material=" + material).body().path("items").size() > 0);
      millis.add((System.nanoTime() - sent) / 1_000_000);
    }
    System.out.println("an idle node's view shows a new lot after (ms): " + millis);
    assertThat(millis).allSatisfy(ms -> assertThat(ms).isLessThan(4_000));
  }

  @Test
  @Order(2)
  void commandsAndTheirProjectionsStartNoThreadPerCommand() throws Exception {
    send(commands("warm", 200)); // 600 commands: creates, updates, every projection's first events
    awaitProjectionsCaughtUp();
    long before = threads.getTotalStartedThreadCount();

    List<Callable<ApiClient.Response>> measured = commands("run", 1_000);
    send(measured);
    awaitProjectionsCaughtUp();
    long started = threads.getTotalStartedThreadCount() - before;

    System.out.printf("%,d commands (and their projections' events): %d threads started%n", measured.size(), started);
    assertThat(started).as("threads started while %d commands were processed", measured.size())
        .isLessThan(measured.size() / 10);
  }

  /** Per object: an order planned, a lot received, then an issue from that lot. */
  static List<Callable<ApiClient.Response>> commands(String run, int objects) {
    String prefix = run + UUID.randomUUID().toString().substring(0, 6);
    List<Callable<ApiClient.Response>> commands = new ArrayList<>();
    for (int i = 0; i < objects; i++) {
      String batch = prefix + "-" + i;
      commands.add(() -> ok(api.command("dev-planning-token", plan("P-" + batch, "1000", "TE-" + batch, "10", 1))));
      commands.add(() -> ok(api.command("dev-wms-token", command("R-" + batch, "inventory-lot.receive",
          lot("1000", "RM-7", batch), "{\"movementId\": \"R" + batch + "\", \"quantity\": 100, \"uom\": \"KG\", \"storageLocation\": \"L1\"}"))));
    }
    for (int i = 0; i < objects; i++) {
      String batch = prefix + "-" + i;
      commands.add(() -> ok(api.command("dev-mes-1000-token", command("I-" + batch, "inventory-lot.issue",
          lot("1000", "RM-7", batch), "{\"movementId\": \"I" + batch + "\", \"quantity\": 1, \"storageLocation\": \"L1\", \"order\": \"100234\"}"))));
    }
    return commands;
  }

  static ApiClient.Response ok(ApiClient.Response response) {
    assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
    return response;
  }

  /** In order per batch of {@link #CLIENTS}: a lot's issue always follows its receipt. */
  static void send(List<Callable<ApiClient.Response>> commands) throws Exception {
    int half = commands.size() * 2 / 3;
    sendAll(commands.subList(0, half));
    sendAll(commands.subList(half, commands.size()));
  }

  static void sendAll(List<Callable<ApiClient.Response>> commands) throws Exception {
    List<Future<?>> sent = new ArrayList<>();
    for (Callable<ApiClient.Response> command : commands) sent.add(clients.submit(command));
    for (Future<?> one : sent) one.get();
  }

  static void awaitProjectionsCaughtUp() {
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
      JsonNode projections = api.get("dev-operator-token", "/v1/ops/sync-status").body().path("projections");
      assertThat(projections).isNotEmpty();
      for (JsonNode projection : projections) {
        assertThat(projection.path("backlog").asLong(-1)).as(projection.toString()).isZero();
      }
    });
  }
}
