package io.plantsync.aggregates.inventorylot;

import static io.plantsync.aggregates.inventorylot.StockType.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SAP codes an ERP posts for each of the lot's movements, one assertion per code. */
class MovementTypeTest {

  @Test
  void everyMovementTypeHasItsSapCode() {
    Map<MovementType, String> expected = Map.ofEntries(
        Map.entry(MovementType.GOODS_RECEIPT, "101"), Map.entry(MovementType.GOODS_RECEIPT_REVERSAL, "102"),
        Map.entry(MovementType.ISSUE_TO_COST_CENTER, "201"), Map.entry(MovementType.ISSUE_TO_COST_CENTER_REVERSAL, "202"),
        Map.entry(MovementType.ISSUE_TO_ORDER, "261"), Map.entry(MovementType.ISSUE_TO_ORDER_REVERSAL, "262"),
        Map.entry(MovementType.TRANSFER_BETWEEN_LOCATIONS, "311"),
        Map.entry(MovementType.TRANSFER_BETWEEN_LOCATIONS_REVERSAL, "312"),
        Map.entry(MovementType.QUALITY_TO_UNRESTRICTED, "321"), Map.entry(MovementType.UNRESTRICTED_TO_QUALITY, "322"),
        Map.entry(MovementType.BLOCKED_TO_UNRESTRICTED, "343"), Map.entry(MovementType.UNRESTRICTED_TO_BLOCKED, "344"),
        Map.entry(MovementType.BLOCKED_TO_QUALITY, "349"), Map.entry(MovementType.QUALITY_TO_BLOCKED, "350"),
        Map.entry(MovementType.SCRAPPING, "551"), Map.entry(MovementType.SCRAPPING_REVERSAL, "552"),
        Map.entry(MovementType.SCRAPPING_FROM_QUALITY, "553"),
        Map.entry(MovementType.SCRAPPING_FROM_QUALITY_REVERSAL, "554"),
        Map.entry(MovementType.SCRAPPING_FROM_BLOCKED, "555"),
        Map.entry(MovementType.SCRAPPING_FROM_BLOCKED_REVERSAL, "556"),
        Map.entry(MovementType.INVENTORY_GAIN, "701"), Map.entry(MovementType.INVENTORY_LOSS, "702"),
        Map.entry(MovementType.INVENTORY_GAIN_QUALITY, "703"), Map.entry(MovementType.INVENTORY_LOSS_QUALITY, "704"),
        Map.entry(MovementType.INVENTORY_GAIN_BLOCKED, "707"), Map.entry(MovementType.INVENTORY_LOSS_BLOCKED, "708"));
    assertThat(Arrays.stream(MovementType.values()).toList()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach((type, code) -> assertThat(type.code()).as(type.name()).isEqualTo(code));
  }

  @Test
  void scrapIs551FromUnrestricted553FromQualityAnd555FromBlocked() {
    assertThat(MovementType.scrap(UNRESTRICTED).code()).isEqualTo("551");
    assertThat(MovementType.scrap(QUALITY).code()).isEqualTo("553");
    assertThat(MovementType.scrap(BLOCKED).code()).isEqualTo("555");
  }

  @Test
  void eachScrapIsReversedByTheCodeAfterIt() {
    assertThat(MovementType.scrap(UNRESTRICTED).reversal().code()).isEqualTo("552");
    assertThat(MovementType.scrap(QUALITY).reversal().code()).isEqualTo("554");
    assertThat(MovementType.scrap(BLOCKED).reversal().code()).isEqualTo("556");
  }

  @Test
  void inventoryDifferencesAreByStockType() {
    assertThat(List.of(MovementType.inventoryDifference(UNRESTRICTED, 1), MovementType.inventoryDifference(UNRESTRICTED, -1),
            MovementType.inventoryDifference(QUALITY, 1), MovementType.inventoryDifference(QUALITY, -1),
            MovementType.inventoryDifference(BLOCKED, 1), MovementType.inventoryDifference(BLOCKED, -1))
        .stream().map(MovementType::code))
        .containsExactly("701", "702", "703", "704", "707", "708");
  }

  @Test
  void aCountThatMatchesTheBookPostsNothingAndDifferencesAreNotReversible() {
    for (StockType type : StockType.values()) assertThat(MovementType.inventoryDifference(type, 0)).isNull();
    for (String code : List.of("701", "702", "703", "704", "707", "708")) {
      MovementType type = Arrays.stream(MovementType.values()).filter(t -> t.code().equals(code)).findFirst().orElseThrow();
      assertThat(type.reversal()).as(code).isNull();
    }
  }

  @Test
  void reversalsAreNotReversible() {
    for (MovementType reversal : List.of(MovementType.GOODS_RECEIPT_REVERSAL, MovementType.ISSUE_TO_ORDER_REVERSAL,
        MovementType.SCRAPPING_REVERSAL, MovementType.SCRAPPING_FROM_QUALITY_REVERSAL,
        MovementType.SCRAPPING_FROM_BLOCKED_REVERSAL)) {
      assertThat(reversal.reversal()).as(reversal.name()).isNull();
    }
  }
}
