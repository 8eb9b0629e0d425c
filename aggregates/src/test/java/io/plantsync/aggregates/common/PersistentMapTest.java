package io.plantsync.aggregates.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
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
