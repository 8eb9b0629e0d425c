package io.plantsync.aggregates.productionorder.migrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.pekko.serialization.jackson.JacksonMigration;

/**
 * OperationConfirmed v2 renamed {@code orderStatus} to {@code resultingStatus}: it is the status
 * the confirmation moved the order to, not a copy of the order's status field. v1 events are read
 * with the old name moved over.
 */
public final class OperationConfirmedMigration extends JacksonMigration {

  @Override
  public int currentVersion() {
    return 2;
  }

  @Override
  public JsonNode transform(int fromVersion, JsonNode json) {
    if (fromVersion < 2 && json instanceof ObjectNode event && event.has("orderStatus")) {
      event.set("resultingStatus", event.remove("orderStatus"));
    }
    return json;
  }
}
