package io.plantsync.cluster.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A restarted node is never the first seed, the only one Pekko lets form a new cluster. */
class RejoiningSpecTest {

  private static NodeProcess.Spec spec(int remotePort, List<String> seeds) {
    return new NodeProcess.Spec("node", new NodeProcess.Ports(8080, 7626, remotePort), seeds, "127.0.0.1:9042",
        List.of(), Map.of());
  }

  @Test
  void theFirstSeedMovesItselfToTheEndOfTheSeeds() {
    var first = spec(25520, List.of("127.0.0.1:25520", "127.0.0.1:25521", "127.0.0.1:25522"));

    assertThat(first.rejoining().seedNodes()).containsExactly("127.0.0.1:25521", "127.0.0.1:25522", "127.0.0.1:25520");
    assertThat(first.rejoining().rejoining()).isEqualTo(first.rejoining());
  }

  @Test
  void anyOtherNodeKeepsItsSettings() {
    var second = spec(25521, List.of("127.0.0.1:25520", "127.0.0.1:25521", "127.0.0.1:25522"));
    var alone = spec(25520, List.of());

    assertThat(second.rejoining()).isEqualTo(second);
    assertThat(alone.rejoining()).isEqualTo(alone);
  }
}
