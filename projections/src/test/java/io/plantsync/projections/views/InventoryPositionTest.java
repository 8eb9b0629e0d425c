package io.plantsync.projections.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Positions sum the lots of a material; pages of positions never split a material's lots. */
class InventoryPositionTest {

  static final Instant AT = Instant.parse("2026-11-27T08:00:00Z");

  @Test
  void aPositionSumsTheLotsOfItsMaterialAndCountsHeldLotsAsHeldStockWithoutAtp() {
    List<InventoryPosition> positions = InventoryPosition.sum(List.of(
        lot("RM-7", "A", "KG", "40", "0", "0", "10", false, "30", AT),
        lot("RM-7", "B", "KG", "25.5", "4", "0", "0", true, "0", AT.plusSeconds(5)),
        lot("RM-7", "C", "KG", "0", "0", "12", "0", false, "0", AT),
        lot("RM-8", "A", "KG", "3", "0", "0", "0", false, "3", AT)));

    assertThat(positions).containsExactly(
        new InventoryPosition("1000", "RM-7", "KG", new BigDecimal("65.5"), new BigDecimal("4"), new BigDecimal("12"),
            new BigDecimal("10"), new BigDecimal("29.5"), new BigDecimal("30"), 3, AT.plusSeconds(5)),
        new InventoryPosition("1000", "RM-8", "KG", new BigDecimal("3"), new BigDecimal("0"), new BigDecimal("0"),
            new BigDecimal("0"), new BigDecimal("0"), new BigDecimal("3"), 1, AT));
  }

  @Test
  void quantitiesInDifferentUnitsAreNeverAdded() {
    List<InventoryPosition> positions = InventoryPosition.sum(List.of(
        lot("RM-7", "A", "KG", "40", "0", "0", "0", false, "40", AT),
        lot("RM-7", "B", "G", "500", "0", "0", "0", false, "500", AT)));

    assertThat(positions).extracting(InventoryPosition::uom, p -> p.unrestricted().toPlainString())
        .containsExactly(tuple("G", "500"), tuple("KG", "40"));
  }

  @Test
  void aPageTakesWholeMaterialsUpToTheLimitAndSaysWhereTheNextOneStarts() {
    PositionPage page = new PositionPage(2);
    assertThat(page.add(lot("RM-1", "A"))).isTrue();
    assertThat(page.add(lot("RM-1", "B"))).isTrue();
    assertThat(page.add(lot("RM-2", "A"))).isTrue();
    assertThat(page.add(lot("RM-2", "B"))).isTrue();
    assertThat(page.add(lot("RM-3", "A"))).isFalse();

    assertThat(page.lots()).extracting(InventoryLotRow::batch).containsExactly("A", "B", "A", "B");
    assertThat(page.lastMaterialIfMore()).contains("RM-2");
  }

  @Test
  void aPageThatReachesTheEndHasNoNextPage() {
    PositionPage page = new PositionPage(2);
    page.add(lot("RM-1", "A"));
    page.add(lot("RM-2", "A"));
    assertThat(page.lastMaterialIfMore()).isEmpty();
    assertThat(new PositionPage(5).lastMaterialIfMore()).isEmpty();
  }

  private static InventoryLotRow lot(String material, String batch) {
    return lot(material, batch, "KG", "1", "0", "0", "0", false, "1", AT);
  }

  private static InventoryLotRow lot(String material, String batch, String uom, String unrestricted, String quality,
      String blocked, String reserved, boolean held, String atp, Instant at) {
    return new InventoryLotRow("1000", material, batch, uom, new BigDecimal(unrestricted), new BigDecimal(quality),
        new BigDecimal(blocked), new BigDecimal(reserved), held, new BigDecimal(atp), 1, at);
  }
}
