package io.plantsync.cluster.it;

/** Command envelopes as adapters send them (src/docs/contract.md). */
final class Envelopes {
  private Envelopes() {}

  static String plan(String messageId, String plant, String order, String quantity, long sourceVersion) {
    return """
        {"messageId": "%s", "type": "production-order.plan", "target": {"plant": "%s", "order": "%s"},
         "sourceVersion": %d, "occurredAt": "2026-11-27T08:00:00Z",
         "data": {"material": "FG-100", "quantity": %s, "uom": "EA", "scheduledStart": "2026-12-01T06:00:00Z",
                  "scheduledEnd": "2026-12-03T18:00:00Z", "priority": 10}}
        """.formatted(messageId, plant, order, sourceVersion, quantity);
  }

  static String release(String messageId, String plant, String order) {
    return """
        {"messageId": "%s", "type": "production-order.release", "target": {"plant": "%s", "order": "%s"},
         "data": {"operations": [{"operation": "0010", "workCenter": "ASSY-01"}, {"operation": "0020", "workCenter": "PACK-01"}],
                  "components": [{"material": "RM-7", "quantity": 2.5, "uom": "KG"}]}}
        """.formatted(messageId, plant, order);
  }

  static String confirm(String messageId, String plant, String order, String confirmationId, String operation,
      String yield, boolean finalConfirmation) {
    return """
        {"messageId": "%s", "type": "production-order.confirm-operation", "target": {"plant": "%s", "order": "%s"},
         "data": {"confirmationId": "%s", "operation": "%s", "workCenter": "ASSY-01", "yield": %s, "scrap": 1.5,
                  "final": %s}}
        """.formatted(messageId, plant, order, confirmationId, operation, yield, finalConfirmation);
  }

  /** Any command: {@code target} and {@code data} are JSON object bodies. */
  static String command(String messageId, String type, String target, String data) {
    return """
        {"messageId": "%s", "type": "%s", "target": %s, "data": %s}
        """.formatted(messageId, type, target, data);
  }

  static String lot(String plant, String material, String batch) {
    return """
        {"plant": "%s", "material": "%s", "batch": "%s"}""".formatted(plant, material, batch);
  }

  static String hold(String plant, String hold) {
    return """
        {"plant": "%s", "hold": "%s"}""".formatted(plant, hold);
  }
}
