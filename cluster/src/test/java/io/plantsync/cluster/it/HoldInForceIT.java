package io.plantsync.cluster.it;

import static io.plantsync.cluster.it.Envelopes.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A hold is in force when the QMS gets its answer, on a real node and Cassandra: goods issues on
 * the lots in scope race the hold, next to receipts on other lots, and none sent after the answer
 * succeeds.
 */
class HoldInForceIT extends NodeIT {

  static final String QMS = "dev-qms-token";
  static final String WMS = "dev-wms-token";
  static final int LOTS = 50;

  /** One goods issue: when it was sent, relative to the hold's answer, and how it was answered. */
  record Issue(long sentAtNanos, int status, String code) {}

  @Test
  void noGoodsIssueSentAfterTheAnswerSucceedsOnALotInScope() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    AtomicInteger ids = new AtomicInteger();
    List<String> batches = new ArrayList<>();
    for (int i = 0; i < LOTS; i++) batches.add("H" + run + "-" + i);
    for (String batch : batches) {
      assertThat(api.command(WMS, receipt("W-" + run + "-" + ids.incrementAndGet(), batch, "1000")).status())
          .isEqualTo(200);
    }

    AtomicBoolean racing = new AtomicBoolean(true);
    ConcurrentLinkedQueue<Issue> issues = new ConcurrentLinkedQueue<>();
    ExecutorService load = Executors.newFixedThreadPool(6);
    List<Future<?>> workers = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      int worker = w;
      workers.add(load.submit(() -> {
        for (int i = worker; racing.get(); i += 4) {
          String batch = batches.get(i % LOTS);
          long sent = System.nanoTime();
          var answer = api.command(WMS, command("W-" + run + "-" + ids.incrementAndGet(), "inventory-lot.issue",
              lot("1000", "RM-7", batch), "{\"movementId\": \"MV-" + run + "-" + ids.incrementAndGet()
                  + "\", \"quantity\": 0.001, \"storageLocation\": \"0001\"}"));
          issues.add(new Issue(sent, answer.status(), answer.code()));
        }
        return null;
      }));
    }
    for (int w = 0; w < 2; w++) {
      workers.add(load.submit(() -> {
        while (racing.get()) {
          api.command(WMS, receipt("W-" + run + "-" + ids.incrementAndGet(), "L" + run + "-" + ids.get() % 20, "1"));
        }
        return null;
      }));
    }
    Thread.sleep(1_000);

    StringBuilder scope = new StringBuilder();
    for (String batch : batches) {
      scope.append(scope.length() == 0 ? "" : ", ").append("{\"material\": \"RM-7\", \"batch\": \"").append(batch)
          .append("\"}");
    }
    var placed = api.command(QMS, command("Q-" + run, "quality-hold.place", hold("1000", "QN-" + run),
        "{\"reason\": \"porosity\", \"lots\": [" + scope + "]}"));
    long answeredAt = System.nanoTime();
    Thread.sleep(2_000);
    racing.set(false);
    for (Future<?> worker : workers) worker.get(60, TimeUnit.SECONDS);
    load.shutdown();

    assertThat(placed.status()).as(placed.body().toString()).isEqualTo(200);
    assertThat(placed.body().path("inForce").asBoolean()).as(placed.body().toString()).isTrue();
    List<Issue> after = issues.stream().filter(issue -> issue.sentAtNanos() > answeredAt).toList();
    assertThat(after).as("issues sent after the answer").hasSizeGreaterThan(10);
    assertThat(after).allSatisfy(issue -> assertThat(issue.code()).isEqualTo("object-on-hold"));
    assertThat(issues.stream().filter(issue -> issue.sentAtNanos() < answeredAt - 1_000_000_000L))
        .as("issues well before the hold went through").anySatisfy(issue -> assertThat(issue.status()).isEqualTo(200));
  }

  private static String receipt(String messageId, String batch, String quantity) {
    return command(messageId, "inventory-lot.receive", lot("1000", "RM-7", batch), "{\"movementId\": \"MV-"
        + messageId + "\", \"quantity\": " + quantity + ", \"uom\": \"KG\", \"storageLocation\": \"0001\"}");
  }
}
