package io.plantsync.aggregates.productionorder.migrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.pekko.serialization.jackson.JacksonMigration;

/**
 * Snapshots of ProductionOrderState v1 remembered every messageId without an order. v2 keeps a
 * bounded window and needs the ids oldest first: rebuilt from the object version each id produced.
 * Fields added in v2 (delivered quantity, interruptions, holds) default in the state's constructor.
 */
public final class ProductionOrderStateMigration extends JacksonMigration {

  @Override
  public int currentVersion() {
    return 2;
  }

  @Override
  public JsonNode transform(int fromVersion, JsonNode json) {
    if (fromVersion >= 2 || !(json.get("processed") instanceof ObjectNode processed)
        || processed.has("messageIdsOldestFirst")) {
      return json;
    }
    List<Map.Entry<String, JsonNode>> applied = new ArrayList<>();
    processed.path("byMessageId").fields().forEachRemaining(applied::add);
    applied.sort(Comparator.comparingLong(e -> e.getValue().path("objectVersion").asLong()));
    ArrayNode oldestFirst = processed.putArray("messageIdsOldestFirst");
    applied.forEach(e -> oldestFirst.add(e.getKey()));
    return json;
  }
}
