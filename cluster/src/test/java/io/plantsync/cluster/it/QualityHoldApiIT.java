package io.plantsync.cluster.it;

import static io.plantsync.cluster.it.Envelopes.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every quality-hold command type over real HTTP against the real Cassandra. */
class QualityHoldApiIT extends NodeIT {

  static final String QMS = "dev-qms-token";

  @Test
  void placeExtendAndReleaseAHold() throws Exception {
    String number = "QN-" + UUID.randomUUID().toString().substring(0, 8);
    String target = hold("1000", number);
    var placed = api.command(QMS, command("Q-1-" + number, "quality-hold.place", target,
        "{\"reason\": \"porosity in weld seam\", \"lots\": [{\"material\": \"RM-7\", \"batch\": \"B1\"}], \"orders\": [\"100234\"]}"));
    assertThat(placed.status()).isEqualTo(200);
    assertThat(api.command(QMS, command("Q-2-" + number, "quality-hold.extend", target,
        "{\"lots\": [{\"material\": \"RM-7\", \"batch\": \"B2\"}, {\"material\": \"RM-7\", \"batch\": \"B1\"}]}"))
        .status()).isEqualTo(200);
    assertThat(api.command(QMS, command("Q-3-" + number, "quality-hold.release", target,
        "{\"decision\": \"REJECT\", \"note\": \"scrap the batches\"}")).status()).isEqualTo(200);

    JsonNode read = api.get("dev-erp-token", "/v1/quality-holds/1000/" + number).body();
    assertThat(read.path("status").asText()).isEqualTo("RELEASED");
    assertThat(read.path("decision").asText()).isEqualTo("REJECT");
    assertThat(read.path("lots").findValuesAsText("batch")).containsExactly("B1", "B2");
    assertThat(read.path("orders").get(0).asText()).isEqualTo("100234");

    var again = api.command(QMS, command("Q-4-" + number, "quality-hold.release", target,
        "{\"decision\": \"ACCEPT\"}"));
    assertThat(again.code()).isEqualTo("invalid-transition");
  }

  @Test
  void onlyTheQmsPlacesHoldsAndAScopeIsRequired() throws Exception {
    String number = "QN-" + UUID.randomUUID().toString().substring(0, 8);
    var fromMes = api.command("dev-mes-1000-token", command("M-1", "quality-hold.place", hold("1000", number),
        "{\"reason\": \"x\", \"orders\": [\"1\"]}"));
    assertThat(fromMes.code()).isEqualTo("not-system-of-record");
    var empty = api.command(QMS, command("Q-1", "quality-hold.place", hold("1000", number), "{\"reason\": \"x\"}"));
    assertThat(empty.status()).isEqualTo(400);
    assertThat(api.get(QMS, "/v1/quality-holds/1000/" + number).code()).isEqualTo("unknown-object");
  }
}
