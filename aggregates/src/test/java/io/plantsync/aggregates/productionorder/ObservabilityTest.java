package io.plantsync.aggregates.productionorder;

import static io.plantsync.aggregates.governance.AdapterKind.*;
import static io.plantsync.aggregates.productionorder.OrderCommands.*;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.typesafe.config.ConfigFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.plantsync.aggregates.AggregateSettings;
import io.plantsync.aggregates.common.CommandGate;
import io.plantsync.aggregates.common.CommandReply;
import io.plantsync.aggregates.observability.PlantSyncMetrics;
import java.time.Clock;
import java.time.Duration;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/** What an operator sees of an entity: live count, journal failures, and the keys on its log lines. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObservabilityTest {

  final ActorTestKit testKit =
      ActorTestKit.create(EventSourcedBehaviorTestKit.config().withFallback(ConfigFactory.load()));
  final PersistenceTestKit journal = PersistenceTestKit.create(testKit.system());
  final MeterRegistry registry = PlantSyncMetrics.get(testKit.system()).registry();
  final AggregateSettings settings = AggregateSettings.fromConfig(ConfigFactory.load());
  final TestProbe<CommandReply> replies = testKit.createTestProbe();
  int orders;

  @AfterAll
  void shutdown() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void clearJournal() {
    journal.clearAll();
    journal.resetPolicy();
  }

  ActorRef<ProductionOrderCommand> newOrder() {
    return testKit.spawn(ProductionOrder.create("1000/OBS-" + ++orders, settings, Clock.systemUTC()));
  }

  /** Meters appear with the type's first entity. */
  double live() {
    var gauge = registry.find("plantsync.entities.live").tag("entity_type", "ProductionOrder").gauge();
    return gauge == null ? 0 : gauge.value();
  }

  double counted(String name) {
    var counter = registry.find(name).tag("entity_type", "ProductionOrder").counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void aRecoveredEntityCountsAsLiveUntilItStops() {
    double before = live();
    ActorRef<ProductionOrderCommand> order = newOrder();
    order.tell(plan(from(PLANNING, "P-1"), "100", 10, replies.ref()));
    replies.receiveMessage();
    assertThat(live()).isEqualTo(before + 1);

    testKit.stop(order);
    assertThat(live()).isEqualTo(before);
  }

  @Test
  void aFailedJournalWriteIsCountedAndTheRestartedEntityCountsOnce() {
    double before = live();
    double failures = counted("plantsync.persist.failures");
    ActorRef<ProductionOrderCommand> order = newOrder();
    order.tell(plan(from(PLANNING, "P-1"), "100", 10, replies.ref()));
    replies.receiveMessage();

    journal.failNextPersisted();
    order.tell(plan(from(PLANNING, "P-2", 2), "120", 10, replies.ref()));
    replies.expectNoMessage(Duration.ofMillis(300));
    replies.awaitAssert(Duration.ofSeconds(5), () -> {
      assertThat(counted("plantsync.persist.failures")).isEqualTo(failures + 1);
      return null;
    });

    // After the backoff it recovers and answers again, and is still one live entity.
    replies.awaitAssert(Duration.ofSeconds(10), () -> {
      order.tell(plan(from(PLANNING, "P-3", 3), "130", 10, replies.ref()));
      replies.receiveMessage(Duration.ofMillis(500));
      return null;
    });
    assertThat(live()).isEqualTo(before + 1);
    testKit.stop(order);
  }

  @Test
  void aFailedRecoveryIsCountedAsSuch() {
    double recoveries = counted("plantsync.recovery.failures");
    double writes = counted("plantsync.persist.failures");
    journal.failNextRead();
    ActorRef<ProductionOrderCommand> order = newOrder();
    replies.awaitAssert(Duration.ofSeconds(5), () -> {
      assertThat(counted("plantsync.recovery.failures")).isEqualTo(recoveries + 1);
      return null;
    });
    order.tell(plan(from(PLANNING, "P-1"), "100", 10, replies.ref()));
    replies.receiveMessage(Duration.ofSeconds(10));
    assertThat(counted("plantsync.persist.failures")).isEqualTo(writes);
    testKit.stop(order);
  }

  @Test
  void aRejectionIsLoggedWithTheObjectAdapterAndMessageId() {
    Logger gateLog = (Logger) LoggerFactory.getLogger(CommandGate.class);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    Level level = gateLog.getLevel();
    gateLog.setLevel(Level.INFO);
    gateLog.addAppender(lines);
    try {
      ActorRef<ProductionOrderCommand> order = newOrder();
      order.tell(plan(from(MES, "MES-7"), "100", 10, replies.ref()));
      replies.receiveMessage();

      assertThat(lines.list).singleElement().satisfies(line -> assertThat(line.getMDCPropertyMap())
          .containsEntry("objectKey", "ProductionOrder|1000/OBS-" + orders)
          .containsEntry("plant", "1000")
          .containsEntry("adapterId", "mes")
          .containsEntry("messageId", "MES-7"));
      testKit.stop(order);
    } finally {
      gateLog.detachAppender(lines);
      gateLog.setLevel(level);
    }
  }
}
