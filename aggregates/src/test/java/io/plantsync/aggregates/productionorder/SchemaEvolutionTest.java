package io.plantsync.aggregates.productionorder;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.plantsync.aggregates.common.EarlierPayloads;
import io.plantsync.aggregates.productionorder.ProductionOrderEvent.OperationConfirmed;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.SerializerWithStringManifest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Payloads written by an earlier version still load. The JSON below is what version 1 wrote (as
 * CBOR); a v1 manifest is the bare class name, later versions append "#version".
 */
class SchemaEvolutionTest {

  static final ActorTestKit testKit = ActorTestKit.create(ConfigFactory.load());

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  private static Object readV1(Class<?> type, String json) throws Exception {
    return EarlierPayloads.read(testKit.system(), type, json);
  }

  @Test
  void aVersion1OperationConfirmedEventLoadsWithItsStatusUnderTheNewName() throws Exception {
    Object event = readV1(OperationConfirmed.class, """
        {"meta": {"messageId": "MES-1", "adapterId": "mes-1000", "recordedAt": 1795766400.0},
         "confirmationId": "C-1", "operation": "0010", "workCenter": "ASSY-01", "yield": 40, "scrap": 1.5,
         "finalConfirmation": true, "orderStatus": "PARTIALLY_CONFIRMED"}""");
    assertThat(event).isInstanceOfSatisfying(OperationConfirmed.class, e -> {
      assertThat(e.resultingStatus()).isEqualTo(OrderStatus.PARTIALLY_CONFIRMED);
      assertThat(e.yield()).isEqualByComparingTo("40");
      assertThat(e.meta().messageId()).isEqualTo("MES-1");
    });
  }

  @Test
  void aVersion1SnapshotLoadsWithItsIdempotencyMemoryInOrder() throws Exception {
    Object state = readV1(ProductionOrderState.class, """
        {"plant": "1000", "order": "100234", "status": "RELEASED",
         "header": {"material": "FG-100", "quantity": 500, "uom": "EA"}, "priority": 10,
         "operations": [{"operation": "0010", "workCenter": "ASSY-01", "confirmedYield": 0, "confirmedScrap": 0,
                         "finallyConfirmed": false}],
         "components": [], "version": 2,
         "processed": {"byMessageId": {"ERP-0001": {"objectVersion": 2, "events": ["OrderReleased"]},
                                       "PLN-0001": {"objectVersion": 1, "events": ["OrderPlanned"]}},
                       "byBusinessKey": {}}}""");
    assertThat(state).isInstanceOfSatisfying(ProductionOrderState.class, s -> {
      assertThat(s.status()).isEqualTo(OrderStatus.RELEASED);
      assertThat(s.processed().messageIdsOldestFirst()).containsExactly("PLN-0001", "ERP-0001");
      assertThat(s.processed().earlierOutcome("ERP-0001", null)).isPresent();
      assertThat(s.deliveredQuantity()).isEqualByComparingTo("0");
      assertThat(s.holds()).isEmpty();
      assertThat(s.interruptions()).isEmpty();
    });
  }

  @Test
  void currentPayloadsCarryTheirVersionInTheManifest() throws Exception {
    var serializer = (SerializerWithStringManifest) SerializationExtension.get(testKit.system())
        .serializerFor(OperationConfirmed.class);
    assertThat(serializer.manifest(new OperationConfirmed(null, "C", "0010", "W", java.math.BigDecimal.ONE,
        java.math.BigDecimal.ZERO, false, OrderStatus.RELEASED))).endsWith("#2");
  }
}
