package io.plantsync.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * W2's (and W4's, W5's) population: {@code count} objects of plant 1000, half production orders
 * ({@code O<i>}), half inventory lots (material {@code RM-<i mod 100>}, batch {@code B<i>}), and
 * the updates spread uniformly over them: goods receipts (40%) and issues (30%) of 1 KG on lots,
 * reprioritisations (30%) of orders.
 */
final class SpreadObjects implements Workload {

  /** Stock each lot is created with: issues of 1 never run it out. */
  static final String INITIAL_STOCK = "100000";

  private final int orders;
  private final int lots;
  private final String run;
  private final SplittableRandom random = new SplittableRandom(42);

  SpreadObjects(int count, String run) {
    this.orders = count / 2;
    this.lots = count - orders;
    this.run = run;
  }

  int count() {
    return orders + lots;
  }

  static String order(int i) {
    return "O" + i;
  }

  static String material(int i) {
    return "RM-" + (i % 100);
  }

  static String batch(int i) {
    return "B" + i;
  }

  /** The commands that create orders and lots numbered {@code from} (inclusive) to {@code to}, orders first. */
  List<Command> creations(int from, int to) {
    List<Command> all = new ArrayList<>();
    for (int i = from; i < Math.min(to, orders); i++) all.add(Envelopes.plan("SEED-O" + i, order(i)));
    for (int i = from; i < Math.min(to, lots); i++) all.add(Envelopes.receive("SEED-L" + i, material(i), batch(i), INITIAL_STOCK));
    return all;
  }

  /** Read paths (GET, answered by the entity itself) of orders and lots numbered {@code from} to {@code to}. */
  List<String> readPaths(int from, int to) {
    List<String> all = new ArrayList<>();
    for (int i = from; i < Math.min(to, orders); i++) all.add(Envelopes.orderPath(order(i)));
    for (int i = from; i < Math.min(to, lots); i++) {
      all.add("/v1/inventory-lots/" + Envelopes.PLANT + "/" + material(i) + "/" + batch(i));
    }
    return all;
  }

  /** How many of each type {@link #creations} and {@link #readPaths} take first, before the heap baseline. */
  int warmCount() {
    return Math.max(1, Math.min(500, orders / 20));
  }

  int half() {
    return lots;
  }

  @Override
  public Command next(long seq) {
    String id = "W-" + run + "-" + seq;
    int pick = random.nextInt(100);
    if (pick < 70) {
      int lot = random.nextInt(lots);
      return pick < 40 ? Envelopes.receive(id, material(lot), batch(lot), "1")
          : Envelopes.issue(id, material(lot), batch(lot), "1");
    }
    return Envelopes.reprioritize(id, order(random.nextInt(orders)), 1 + (int) (seq % 999));
  }
}
