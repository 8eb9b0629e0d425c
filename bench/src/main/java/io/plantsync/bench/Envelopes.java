package io.plantsync.bench;

/**
 * The command envelopes the workloads send (src/docs/contract.md, src/contracts/openapi.yaml), each
 * with the dev token of the adapter kind that owns the command.
 */
final class Envelopes {
  private Envelopes() {}

  static final String PLANT = "1000";
  static final String PLANNING = "dev-planning-token";
  static final String WMS = "dev-wms-token";
  static final String ERP = "dev-erp-token";
  static final String OPERATOR = "dev-operator-token";

  static Command plan(String messageId, String order) {
    return new Command(PLANNING, """
        {"messageId":"%s","type":"production-order.plan","target":{"plant":"%s","order":"%s"},\
        "data":{"material":"FG-100","quantity":500,"uom":"EA","priority":10,\
        "scheduledStart":"2026-12-01T06:00:00Z","scheduledEnd":"2026-12-03T18:00:00Z"}}"""
        .formatted(messageId, PLANT, order));
  }

  /** Where an order of the bench's plant is read. */
  static String orderPath(String order) {
    return "/v1/production-orders/" + PLANT + "/" + order;
  }

  static Command reprioritize(String messageId, String order, int priority) {
    return new Command(PLANNING, """
        {"messageId":"%s","type":"production-order.reprioritize","target":{"plant":"%s","order":"%s"},\
        "data":{"priority":%d}}""".formatted(messageId, PLANT, order, priority));
  }

  static Command receive(String messageId, String material, String batch, String quantity) {
    return new Command(WMS, """
        {"messageId":"%s","type":"inventory-lot.receive","target":{"plant":"%s","material":"%s","batch":"%s"},\
        "data":{"movementId":"%s","quantity":%s,"uom":"KG","storageLocation":"0001"}}"""
        .formatted(messageId, PLANT, material, batch, messageId, quantity));
  }

  static Command issue(String messageId, String material, String batch, String quantity) {
    return new Command(WMS, """
        {"messageId":"%s","type":"inventory-lot.issue","target":{"plant":"%s","material":"%s","batch":"%s"},\
        "data":{"movementId":"%s","quantity":%s,"storageLocation":"0001"}}"""
        .formatted(messageId, PLANT, material, batch, messageId, quantity));
  }
}
