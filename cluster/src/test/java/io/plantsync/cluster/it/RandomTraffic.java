package io.plantsync.cluster.it;

import static io.plantsync.cluster.it.Envelopes.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A reproducible mix of commands over many orders, lots and holds of one plant, each sent with the
 * token of an adapter that owns it. Mostly valid; some are refused by the rules (over-issues,
 * transitions out of order), as in real traffic.
 */
final class RandomTraffic {

  record Command(String objectId, String token, String json) {}

  final String plant;
  final String run;
  final List<String> orders = new ArrayList<>();
  final List<String[]> lots = new ArrayList<>();
  final List<String> holds = new ArrayList<>();
  private final Random random;
  private int sequence;

  RandomTraffic(String plant, String run, long seed, int orders, int materials, int batchesPerMaterial, int holds) {
    this.plant = plant;
    this.run = run;
    this.random = new Random(seed);
    for (int i = 0; i < orders; i++) this.orders.add("R" + run + "-" + i);
    for (int m = 0; m < materials; m++) {
      for (int b = 0; b < batchesPerMaterial; b++) lots.add(new String[] {"M" + run + "-" + m, "B" + b});
    }
    for (int i = 0; i < holds; i++) this.holds.add("Q" + run + "-" + i);
  }

  int objects() {
    return orders.size() + lots.size() + holds.size();
  }

  List<Command> commands(int count) {
    List<Command> all = new ArrayList<>();
    // Every object is created first, so most later commands have something to act on.
    for (String order : orders) all.add(orderCommand(order, 0));
    for (String[] lot : lots) all.add(lotCommand(lot, 0));
    while (all.size() < count) {
      int pick = random.nextInt(100);
      if (pick < 40) all.add(orderCommand(orders.get(random.nextInt(orders.size())), 1 + random.nextInt(7)));
      else if (pick < 95) all.add(lotCommand(lots.get(random.nextInt(lots.size())), 1 + random.nextInt(8)));
      else all.add(holdCommand(holds.get(random.nextInt(holds.size()))));
    }
    return all;
  }

  private String messageId() {
    return "RT-" + run + "-" + (sequence++);
  }

  private String quantity(int max) {
    return String.valueOf(1 + random.nextInt(max)) + "." + random.nextInt(1000);
  }

  private Command orderCommand(String order, int kind) {
    String target = "{\"plant\": \"" + plant + "\", \"order\": \"" + order + "\"}";
    String id = messageId();
    return switch (kind) {
      case 0 -> new Command(order, "dev-planning-token", command(id, "production-order.plan", target,
          "{\"material\": \"FG\", \"quantity\": " + quantity(500) + ", \"uom\": \"EA\", \"priority\": 5, "
              + "\"scheduledStart\": \"2026-12-01T06:00:00Z\", \"scheduledEnd\": \"2026-12-02T06:00:00Z\"}"));
      case 1 -> new Command(order, "dev-erp-token", command(id, "production-order.release", target,
          "{\"operations\": [{\"operation\": \"0010\", \"workCenter\": \"W1\"}, {\"operation\": \"0020\", \"workCenter\": \"W2\"}]}"));
      case 2, 3 -> new Command(order, "dev-mes-2000-token", command(id, "production-order.confirm-operation", target,
          "{\"confirmationId\": \"" + id + "\", \"operation\": \"00" + (random.nextBoolean() ? "1" : "2") + "0\", "
              + "\"workCenter\": \"W1\", \"yield\": " + quantity(50) + ", \"scrap\": 0, \"final\": " + random.nextBoolean() + "}"));
      case 4 -> new Command(order, "dev-planning-token", command(id, "production-order.reprioritize", target,
          "{\"priority\": " + (1 + random.nextInt(999)) + "}"));
      case 5 -> new Command(order, "dev-mes-2000-token", command(id, "production-order.report-interruption", target,
          "{\"interruptionId\": \"I-" + random.nextInt(3) + "\", \"workCenter\": \"W1\", \"reason\": \"tool\", "
              + "\"startedAt\": \"2026-11-27T08:00:00Z\"" + (random.nextBoolean() ? ", \"endedAt\": \"2026-11-27T09:00:00Z\"" : "") + "}"));
      default -> new Command(order, "dev-erp-token", command(id, "production-order.complete", target, "{}"));
    };
  }

  private Command lotCommand(String[] lot, int kind) {
    String lotId = lot[0] + "/" + lot[1];
    String target = "{\"plant\": \"" + plant + "\", \"material\": \"" + lot[0] + "\", \"batch\": \"" + lot[1] + "\"}";
    String id = messageId();
    String location = random.nextBoolean() ? "L1" : "L2";
    return switch (kind) {
      case 0, 1 -> new Command(lotId, "dev-wms-token", command(id, "inventory-lot.receive", target,
          "{\"movementId\": \"" + id + "\", \"quantity\": " + quantity(100) + ", \"uom\": \"KG\", \"storageLocation\": \"" + location + "\""
              + (random.nextInt(4) == 0 ? ", \"order\": \"" + orders.get(random.nextInt(orders.size())) + "\"" : "") + "}"));
      case 2 -> new Command(lotId, "dev-wms-token", command(id, "inventory-lot.issue", target,
          "{\"movementId\": \"" + id + "\", \"quantity\": " + quantity(30) + ", \"storageLocation\": \"" + location + "\"}"));
      case 3 -> new Command(lotId, "dev-wms-token", command(id, "inventory-lot.transfer", target,
          "{\"movementId\": \"" + id + "\", \"quantity\": " + quantity(20) + ", \"fromStorageLocation\": \"L1\", \"toStorageLocation\": \"L2\"}"));
      case 4 -> new Command(lotId, "dev-qms-token", command(id, "inventory-lot.change-stock-type", target,
          "{\"movementId\": \"" + id + "\", \"quantity\": " + quantity(10) + ", \"storageLocation\": \"" + location
              + "\", \"from\": \"UNRESTRICTED\", \"to\": \"QUALITY\"}"));
      case 5 -> new Command(lotId, "dev-wms-token", command(id, "inventory-lot.count", target,
          "{\"countId\": \"" + id + "\", \"storageLocation\": \"" + location + "\", \"stockType\": \"UNRESTRICTED\", "
              + "\"countedQuantity\": " + quantity(80) + "}"));
      case 6 -> new Command(lotId, "dev-planning-token", command(id, "inventory-lot.reserve", target,
          "{\"reservationId\": \"" + id + "\", \"quantity\": " + quantity(20) + ", \"order\": \"O1\"}"));
      default -> new Command(lotId, "dev-wms-token", command(id, "inventory-lot.scrap", target,
          "{\"movementId\": \"" + id + "\", \"quantity\": " + quantity(5) + ", \"storageLocation\": \"" + location
              + "\", \"stockType\": \"QUALITY\"}"));
    };
  }

  private Command holdCommand(String hold) {
    String target = "{\"plant\": \"" + plant + "\", \"hold\": \"" + hold + "\"}";
    String id = messageId();
    if (random.nextInt(3) == 0) {
      return new Command(hold, "dev-qms-token", command(id, "quality-hold.release", target,
          "{\"decision\": \"" + (random.nextBoolean() ? "ACCEPT" : "REJECT") + "\"}"));
    }
    String[] lot = lots.get(random.nextInt(lots.size()));
    return new Command(hold, "dev-qms-token", command(id, "quality-hold.place", target,
        "{\"reason\": \"random\", \"lots\": [{\"material\": \"" + lot[0] + "\", \"batch\": \"" + lot[1] + "\"}], "
            + "\"orders\": [\"" + orders.get(random.nextInt(orders.size())) + "\"]}"));
  }
}
