package io.plantsync.cluster.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 2,000 random commands over HTTP across 200 objects of plant 2000; once the projections have
 * caught up, every view row equals its object's own state, and so does the operators' check.
 */
class ConsistencyIT extends NodeIT {

  static final String PLANT = "2000";

  @Test
  @Timeout(value = 8, unit = java.util.concurrent.TimeUnit.MINUTES)
  void everyViewRowMatchesTheEntitiesAfterRandomTraffic() throws Exception {
    String run = Long.toString(System.nanoTime() % 100000, 36).toUpperCase();
    RandomTraffic traffic = new RandomTraffic(PLANT, run, 42, 80, 10, 10, 20);
    assertThat(traffic.objects()).isEqualTo(200);
    List<RandomTraffic.Command> commands = traffic.commands(2000);

    long started = System.nanoTime();
    Map<Integer, AtomicInteger> statuses = send(commands);
    System.out.printf("Sent %d commands in %.1f s: %s%n", commands.size(), (System.nanoTime() - started) / 1e9, statuses);
    assertThat(statuses.keySet()).as("no server errors").allMatch(status -> status < 500);

    awaitProjectionsIdle();

    Map<String, JsonNode> orderRows = items("/v1/views/production-orders?plant=" + PLANT + "&limit=1000").stream()
        .collect(Collectors.toMap(row -> row.path("order").asText(), row -> row));
    for (String order : traffic.orders) {
      JsonNode entity = api.get("dev-erp-token", "/v1/production-orders/" + PLANT + "/" + order).body();
      JsonNode row = orderRows.get(order);
      assertThat(row).as(order).isNotNull();
      for (String field : List.of("status", "held", "interrupted", "priority", "objectVersion")) {
        assertThat(row.path(field)).as(order + " " + field).isEqualTo(entity.path(field));
      }
      for (String field : List.of("quantity", "confirmedYield", "confirmedScrap", "deliveredQuantity")) {
        assertThat(row.path(field).decimalValue()).as(order + " " + field).isEqualByComparingTo(entity.path(field).decimalValue());
      }
    }

    Map<String, Map<String, BigDecimal>> expected = new HashMap<>();
    for (String[] lot : traffic.lots) {
      JsonNode entity = api.get("dev-wms-token", "/v1/inventory-lots/" + PLANT + "/" + lot[0] + "/" + lot[1]).body();
      if (entity.path("code").asText().equals("unknown-object")) continue;
      for (JsonNode bucket : entity.path("stock")) {
        assertThat(bucket.path("quantity").decimalValue().signum()).as("no negative stock").isGreaterThanOrEqualTo(0);
      }
      Map<String, BigDecimal> sums = expected.computeIfAbsent(lot[0], m -> new HashMap<>());
      for (String field : List.of("unrestricted", "quality", "blocked", "reserved", "atp")) {
        sums.merge(field, entity.path(field).decimalValue(), BigDecimal::add);
      }
    }
    for (JsonNode position : items("/v1/views/inventory-positions?plant=" + PLANT + "&limit=1000")) {
      Map<String, BigDecimal> sums = expected.get(position.path("material").asText());
      if (sums == null) continue;
      for (String field : sums.keySet()) {
        assertThat(position.path(field).decimalValue()).as(position.path("material").asText() + " " + field)
            .isEqualByComparingTo(sums.get(field));
      }
      expected.remove(position.path("material").asText());
    }
    assertThat(expected).as("materials without a position").isEmpty();

    Map<String, JsonNode> holdRows = items("/v1/views/quality-holds?plant=" + PLANT + "&limit=1000").stream()
        .collect(Collectors.toMap(row -> row.path("hold").asText(), row -> row));
    for (String hold : traffic.holds) {
      var entity = api.get("dev-qms-token", "/v1/quality-holds/" + PLANT + "/" + hold);
      if (entity.status() == 404) continue;
      assertThat(holdRows.get(hold).path("status")).as(hold).isEqualTo(entity.body().path("status"));
    }

    JsonNode report = api.get("dev-operator-token", "/v1/ops/consistency?plant=" + PLANT).body();
    System.out.printf("Consistency check: %d rows, %d mismatches%n", report.path("rowsChecked").asLong(),
        report.path("mismatches").size());
    assertThat(report.path("rowsChecked").asLong()).isGreaterThanOrEqualTo(150);
    assertThat(report.path("mismatches")).as(report.toString()).isEmpty();
  }

  /** Eight adapters at once; the commands of one object always from the same thread, in order. */
  private static Map<Integer, AtomicInteger> send(List<RandomTraffic.Command> commands) throws Exception {
    int threads = 8;
    Map<Integer, AtomicInteger> statuses = new java.util.concurrent.ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> lanes = new java.util.ArrayList<>();
      for (int lane = 0; lane < threads; lane++) {
        int mine = lane;
        lanes.add(pool.submit(() -> {
          for (RandomTraffic.Command command : commands) {
            if (Math.floorMod(command.objectId().hashCode(), threads) != mine) continue;
            int status = api.command(command.token(), command.json()).status();
            statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
          }
          return null;
        }));
      }
      for (Future<?> lane : lanes) lane.get();
    } finally {
      pool.shutdown();
    }
    return statuses;
  }

  /** Until every projection's backlog is 0 twice in a row (orchestration causes more events). */
  private static void awaitProjectionsIdle() {
    AtomicInteger idle = new AtomicInteger();
    await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(3)).until(() -> {
      JsonNode status = api.get("dev-operator-token", "/v1/ops/sync-status").body();
      boolean allIdle = status.path("projections").size() > 0;
      for (JsonNode projection : status.path("projections")) {
        allIdle &= projection.path("backlog").asLong(-1) == 0;
      }
      return allIdle ? idle.incrementAndGet() >= 2 : idle.getAndSet(0) < 0;
    });
  }

  private static List<JsonNode> items(String path) throws Exception {
    List<JsonNode> all = new java.util.ArrayList<>();
    String next = null;
    do {
      JsonNode page = api.get("dev-erp-token", path + (next == null ? "" : "&pageToken=" + next)).body();
      page.path("items").forEach(all::add);
      next = page.path("nextPageToken").isTextual() ? page.path("nextPageToken").asText() : null;
    } while (next != null);
    return all;
  }
}
