package io.plantsync.aggregates.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class PersistentMapTest {

  record Holder(PersistentMap<Value> values) {}

  record Value(String name, long amount) {}

  @Test
  void changesMakeNewMapsAndLeaveTheOldOnesAsTheyWere() {
    PersistentMap<Value> before = PersistentMap.<Value>empty().with("MV-1", new Value("receipt", 5));
    PersistentMap<Value> after = before.with("MV-2", new Value("issue", 2)).without("MV-1");

    assertThat(before.asMap()).containsOnlyKeys("MV-1");
    assertThat(after.asMap()).containsOnlyKeys("MV-2");
    assertThat(after.get("MV-1")).isNull();
    assertThat(after.containsKey("MV-2")).isTrue();
    assertThat(after).isEqualTo(PersistentMap.of(Map.of("MV-2", new Value("issue", 2))));
  }

  /** A change: put {@code key} (with {@code amount}), or remove it when {@code amount} is negative. */
  record Change(String key, long amount) {}

  /** Small maps are one small object and large ones a hash trie; across that line they behave alike. */
  @Property(tries = 300)
  void behavesLikeAPlainMapAtEverySize(@ForAll("changes") List<Change> changes) {
    PersistentMap<Value> map = PersistentMap.empty();
    Map<String, Value> model = new HashMap<>();
    for (Change change : changes) {
      if (change.amount() < 0) {
        map = map.without(change.key());
        model.remove(change.key());
      } else {
        map = map.with(change.key(), new Value("move", change.amount()));
        model.put(change.key(), new Value("move", change.amount()));
      }
      assertThat(map.asMap()).isEqualTo(model);
      assertThat(map.size()).isEqualTo(model.size());
      assertThat(map).isEqualTo(PersistentMap.of(model)).hasSameHashCodeAs(PersistentMap.of(model));
    }
    for (String key : model.keySet()) assertThat(map.get(key)).isEqualTo(model.get(key));
  }

  @Provide
  Arbitrary<List<Change>> changes() {
    Arbitrary<Change> change = Arbitraries.integers().between(0, 11).map(i -> "MV-" + i)
        .flatMap(key -> Arbitraries.longs().between(-3, 9).map(amount -> new Change(key, amount)));
    return change.list().ofMaxSize(60);
  }

  @Test
  void isWrittenAndReadAsAPlainJsonObject() throws Exception {
    ObjectMapper json = new ObjectMapper();
    Holder holder = new Holder(PersistentMap.of(Map.of("MV-1", new Value("receipt", 5))));

    String written = json.writeValueAsString(holder);

    assertThat(written).isEqualTo("{\"values\":{\"MV-1\":{\"name\":\"receipt\",\"amount\":5}}}");
    assertThat(json.readValue(written, Holder.class)).isEqualTo(holder);
    assertThat(json.readValue("{\"values\":{}}", Holder.class).values().size()).isZero();
  }
}
