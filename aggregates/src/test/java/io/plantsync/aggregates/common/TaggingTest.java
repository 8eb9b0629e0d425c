package io.plantsync.aggregates.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaggingTest {

  @Test
  void anObjectAlwaysGetsTheSameTagWithinTheConfiguredPartitions() {
    assertThat(Tagging.tagFor("ProductionOrder", "1000/100234", 8))
        .isEqualTo(Tagging.tagFor("ProductionOrder", "1000/100234", 8))
        // String.hashCode is specified by the JLS: this value must never change, or projections lose events.
        .isEqualTo("ProductionOrder-" + Math.floorMod("1000/100234".hashCode(), 8));
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) seen.add(Tagging.tagFor("InventoryLot", "1000/RM-7/B" + i, 8));
    assertThat(seen).hasSize(8).allMatch(tag -> tag.matches("InventoryLot-[0-7]"));
  }
}
