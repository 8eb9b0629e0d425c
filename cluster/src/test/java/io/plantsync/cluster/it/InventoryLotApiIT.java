package io.plantsync.cluster.it;

import static io.plantsync.cluster.it.Envelopes.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every inventory-lot command type over real HTTP against the real Cassandra. */
class InventoryLotApiIT extends NodeIT {

  static final String WMS = "dev-wms-token";
  static final String ERP = "dev-erp-token";
  static final String MES_1000 = "dev-mes-1000-token";
  static final String QMS = "dev-qms-token";
  static final String PLANNING = "dev-planning-token";

  private static ApiClient.Response send(String token, String messageId, String type, String target, String data)
      throws Exception {
    return api.command(token, command(messageId, type, target, data));
  }

  @Test
  void everyMovementTypeKeepsTheStockRight() throws Exception {
    String batch = "B" + UUID.randomUUID().toString().substring(0, 8);
    String lot = lot("1000", "RM-7", batch);
    String path = "/v1/inventory-lots/1000/RM-7/" + batch;

    assertThat(send(WMS, "W-1", "inventory-lot.receive", lot,
        "{\"movementId\": \"4900001\", \"quantity\": 100, \"uom\": \"KG\", \"storageLocation\": \"L1\"}").status())
        .isEqualTo(200);
    assertThat(send(MES_1000, "M-1", "inventory-lot.issue", lot,
        "{\"movementId\": \"4900002\", \"quantity\": 30, \"storageLocation\": \"L1\", \"order\": \"100234\"}").status())
        .isEqualTo(200);
    assertThat(send(WMS, "W-2", "inventory-lot.transfer", lot,
        "{\"movementId\": \"4900003\", \"quantity\": 20, \"fromStorageLocation\": \"L1\", \"toStorageLocation\": \"L2\"}")
        .status()).isEqualTo(200);
    assertThat(send(QMS, "Q-1", "inventory-lot.change-stock-type", lot,
        "{\"movementId\": \"4900004\", \"quantity\": 10, \"storageLocation\": \"L2\", \"from\": \"UNRESTRICTED\", \"to\": \"QUALITY\"}")
        .status()).isEqualTo(200);
    assertThat(send(QMS, "Q-2", "inventory-lot.scrap", lot,
        "{\"movementId\": \"4900005\", \"quantity\": 2.5, \"storageLocation\": \"L2\", \"stockType\": \"QUALITY\"}")
        .status()).isEqualTo(200);
    assertThat(send(WMS, "W-3", "inventory-lot.count", lot,
        "{\"countId\": \"PI-1\", \"storageLocation\": \"L1\", \"stockType\": \"UNRESTRICTED\", \"countedQuantity\": 45}")
        .status()).isEqualTo(200);
    assertThat(send(ERP, "E-1", "inventory-lot.reverse", lot,
        "{\"movementId\": \"4900006\", \"reversedMovementId\": \"4900002\"}").status()).isEqualTo(200);
    assertThat(send(PLANNING, "P-1", "inventory-lot.reserve", lot,
        "{\"reservationId\": \"R-1\", \"quantity\": 40, \"order\": \"100300\"}").status()).isEqualTo(200);
    assertThat(send(ERP, "E-2", "inventory-lot.reserve", lot,
        "{\"reservationId\": \"R-2\", \"quantity\": 5, \"order\": \"100301\"}").status()).isEqualTo(200);
    assertThat(send(ERP, "E-3", "inventory-lot.release-reservation", lot, "{\"reservationId\": \"R-2\"}").status())
        .isEqualTo(200);

    JsonNode read = api.get(ERP, path).body();
    // L1: 100 - 30 - 20 = 50, counted 45 (702: -5), issue reversed (+30) = 75; L2: 20 - 10 = 10 UNRESTRICTED
    assertThat(read.path("unrestricted").decimalValue()).isEqualByComparingTo("85");
    assertThat(read.path("quality").decimalValue()).isEqualByComparingTo("7.5");
    assertThat(read.path("reserved").decimalValue()).isEqualByComparingTo("40");
    assertThat(read.path("atp").decimalValue()).isEqualByComparingTo("45");
    assertThat(read.path("uom").asText()).isEqualTo("KG");
    assertThat(read.path("objectVersion").asLong()).isEqualTo(10);
  }

  @Test
  void anIssueNamingAReservationWithdrawsFromItAndMayExceedItOnlyAsTheFinalIssue() throws Exception {
    String batch = "B" + UUID.randomUUID().toString().substring(0, 8);
    String lot = lot("1000", "RM-7", batch);
    send(WMS, "W-1", "inventory-lot.receive", lot,
        "{\"movementId\": \"1\", \"quantity\": 20, \"uom\": \"KG\", \"storageLocation\": \"L1\"}");
    send(PLANNING, "P-1", "inventory-lot.reserve", lot, "{\"reservationId\": \"R-1\", \"quantity\": 8, \"order\": \"100300\"}");

    assertThat(send(MES_1000, "M-1", "inventory-lot.issue", lot,
        "{\"movementId\": \"2\", \"quantity\": 5, \"storageLocation\": \"L1\", \"reservationId\": \"R-1\"}").status())
        .isEqualTo(200);
    var over = send(MES_1000, "M-2", "inventory-lot.issue", lot,
        "{\"movementId\": \"3\", \"quantity\": 4, \"storageLocation\": \"L1\", \"reservationId\": \"R-1\"}");
    assertThat(over.status()).isEqualTo(422);
    assertThat(over.code()).isEqualTo("reservation-exceeded");
    var unknown = send(MES_1000, "M-3", "inventory-lot.issue", lot,
        "{\"movementId\": \"4\", \"quantity\": 1, \"storageLocation\": \"L1\", \"reservationId\": \"R-404\"}");
    assertThat(unknown.code()).isEqualTo("invalid-transition");
    assertThat(api.get(ERP, "/v1/inventory-lots/1000/RM-7/" + batch).body().path("reserved").decimalValue())
        .isEqualByComparingTo("3");

    assertThat(send(MES_1000, "M-4", "inventory-lot.issue", lot,
        "{\"movementId\": \"5\", \"quantity\": 4, \"storageLocation\": \"L1\", \"reservationId\": \"R-1\", \"finalIssue\": true}")
        .status()).isEqualTo(200);
    JsonNode read = api.get(ERP, "/v1/inventory-lots/1000/RM-7/" + batch).body();
    assertThat(read.path("reserved").decimalValue()).isEqualByComparingTo("0");
    assertThat(read.path("unrestricted").decimalValue()).isEqualByComparingTo("11");

    assertThat(send(ERP, "E-1", "inventory-lot.reverse", lot, "{\"movementId\": \"6\", \"reversedMovementId\": \"5\"}")
        .status()).isEqualTo(200);
    read = api.get(ERP, "/v1/inventory-lots/1000/RM-7/" + batch).body();
    assertThat(read.path("reserved").decimalValue()).isEqualByComparingTo("3");
    assertThat(read.path("unrestricted").decimalValue()).isEqualByComparingTo("15");
  }

  @Test
  void stockRulesAndGovernanceAreEnforced() throws Exception {
    String batch = "B" + UUID.randomUUID().toString().substring(0, 8);
    String lot = lot("1000", "RM-8", batch);
    send(WMS, "W-1", "inventory-lot.receive", lot,
        "{\"movementId\": \"1\", \"quantity\": 10, \"uom\": \"KG\", \"storageLocation\": \"L1\"}");

    var tooMuch = send(MES_1000, "M-1", "inventory-lot.issue", lot,
        "{\"movementId\": \"2\", \"quantity\": 10.001, \"storageLocation\": \"L1\"}");
    assertThat(tooMuch.status()).isEqualTo(422);
    assertThat(tooMuch.code()).isEqualTo("insufficient-stock");

    var otherUnit = send(WMS, "W-2", "inventory-lot.receive", lot,
        "{\"movementId\": \"3\", \"quantity\": 1, \"uom\": \"EA\", \"storageLocation\": \"L1\"}");
    assertThat(otherUnit.code()).isEqualTo("uom-mismatch");

    var wrongOwner = send(ERP, "E-1", "inventory-lot.transfer", lot,
        "{\"movementId\": \"4\", \"quantity\": 1, \"fromStorageLocation\": \"L1\", \"toStorageLocation\": \"L2\"}");
    assertThat(wrongOwner.code()).isEqualTo("not-system-of-record");

    var otherPlant = api.command("dev-mes-2000-token", command("M2-1", "inventory-lot.issue", lot,
        "{\"movementId\": \"5\", \"quantity\": 1, \"storageLocation\": \"L1\"}"));
    assertThat(otherPlant.code()).isEqualTo("plant-not-allowed");

    var sameMovement = send(WMS, "W-9", "inventory-lot.receive", lot,
        "{\"movementId\": \"1\", \"quantity\": 10, \"uom\": \"KG\", \"storageLocation\": \"L1\"}");
    assertThat(sameMovement.body().path("duplicate").asBoolean()).isTrue();

    JsonNode read = api.get(WMS, "/v1/inventory-lots/1000/RM-8/" + batch).body();
    assertThat(read.path("unrestricted").decimalValue()).isEqualByComparingTo("10");
    assertThat(read.path("objectVersion").asLong()).isEqualTo(1);
  }

  @Test
  void anUnknownLotReadsAs404AndABadStockTypeAs400() throws Exception {
    assertThat(api.get(WMS, "/v1/inventory-lots/1000/RM-9/NOPE").code()).isEqualTo("unknown-object");
    var badType = send(WMS, "W-1", "inventory-lot.scrap", lot("1000", "RM-9", "NOPE"),
        "{\"movementId\": \"1\", \"quantity\": 1, \"storageLocation\": \"L1\", \"stockType\": \"GOLD\"}");
    assertThat(badType.status()).isEqualTo(400);
    assertThat(badType.body().path("errors").get(0).path("pointer").asText()).isEqualTo("/data/stockType");
  }
}
