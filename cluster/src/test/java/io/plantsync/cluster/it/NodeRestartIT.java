package io.plantsync.cluster.it;

import static io.plantsync.cluster.it.Envelopes.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a node acknowledged is in Cassandra: a new node reads the same order back. */
@ExtendWith(SharedCassandra.class)
class NodeRestartIT {

  @Test
  void anOrderSurvivesAStopAndStartOfTheNode() throws Exception {
    String order = "RESTART-" + System.nanoTime() % 100000;
    JsonNode before;
    try (TestNode node = TestNode.start(SharedCassandra.node())) {
      ApiClient api = new ApiClient(node.baseUri());
      api.command("dev-planning-token", plan("PLN-" + order, "2000", order, "75.5", 1));
      api.command("dev-erp-token", release("ERP-" + order, "2000", order));
      assertThat(api.command("dev-mes-2000-token", confirm("MES-" + order, "2000", order, "C-9", "0010", "12.25", true))
          .status()).isEqualTo(200);
      before = api.get("dev-erp-token", "/v1/production-orders/2000/" + order).body();
    }

    try (TestNode node = TestNode.start(SharedCassandra.node())) {
      ApiClient api = new ApiClient(node.baseUri());
      JsonNode after = api.get("dev-erp-token", "/v1/production-orders/2000/" + order).body();
      assertThat(after).isEqualTo(before);
      assertThat(after.path("status").asText()).isEqualTo("PARTIALLY_CONFIRMED");
      assertThat(after.path("quantity").decimalValue()).isEqualByComparingTo("75.5");

      // The idempotency memory came back too: the retry of an acknowledged message is a duplicate.
      var retry = api.command("dev-mes-2000-token", confirm("MES-" + order, "2000", order, "C-9", "0010", "12.25", true));
      assertThat(retry.body().path("duplicate").asBoolean()).isTrue();
      assertThat(api.get("dev-erp-token", "/v1/production-orders/2000/" + order).body()).isEqualTo(after);
    }
  }
}
