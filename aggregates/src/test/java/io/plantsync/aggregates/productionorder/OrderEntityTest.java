package io.plantsync.aggregates.productionorder;

import static io.plantsync.aggregates.governance.AdapterKind.*;
import static io.plantsync.aggregates.productionorder.OrderCommands.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.plantsync.aggregates.AggregateSettings;
import io.plantsync.aggregates.common.CommandReply;
import io.plantsync.aggregates.common.CommandReply.Rejected;
import io.plantsync.aggregates.common.ErrorCode;
import java.time.Clock;
import java.util.function.Function;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/** One production order entity per test, on Pekko's in-memory test journal (serialization checked). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OrderEntityTest {

  final ActorTestKit testKit =
      ActorTestKit.create(EventSourcedBehaviorTestKit.config().withFallback(ConfigFactory.load()));

  static final AggregateSettings settings = AggregateSettings.fromConfig(ConfigFactory.load());

  EventSourcedBehaviorTestKit<ProductionOrderCommand, ProductionOrderEvent, ProductionOrderState> order;

  @AfterAll
  void shutdown() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void freshOrder() {
    order = EventSourcedBehaviorTestKit.create(
        testKit.system(), ProductionOrder.create("1000/100234", settingsForTest(), Clock.systemUTC()));
  }

  AggregateSettings settingsForTest() {
    return settings;
  }

  CommandResultWithReply<ProductionOrderCommand, ProductionOrderEvent, ProductionOrderState, CommandReply> send(
      Function<ActorRef<CommandReply>, ProductionOrderCommand> cmd) {
    return order.runCommand(cmd);
  }

  void plannedAndReleased(String... operations) {
    send(r -> plan(from(PLANNING, "P-1", 1), "100", 10, r));
    send(r -> release(from(ERP, "E-1"), r, operations));
  }

  /** Refused with {@code code} and exactly {@code detail}: the one message of the rule. */
  static void assertRejected(CommandResultWithReply<?, ?, ?, CommandReply> result, ErrorCode code, String detail) {
    assertRejected(result, code);
    assertThat(((Rejected) result.reply()).detail()).isEqualTo(detail);
  }

  static void assertRejected(CommandResultWithReply<?, ?, ?, CommandReply> result, ErrorCode code) {
    assertThat(result.reply()).isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo(code));
    assertThat(result.hasNoEvents()).isTrue();
  }
}
