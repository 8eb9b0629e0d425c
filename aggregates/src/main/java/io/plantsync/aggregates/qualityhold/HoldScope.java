package io.plantsync.aggregates.qualityhold;

import io.plantsync.aggregates.CborSerializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The lots and production orders a hold covers, in the order they were first named and each once.
 * Keeping the first-named order makes the scope, and everything orchestration derives from it, the
 * same on every replay. Absent lists (null) mean "none": the contract lets an adapter send
 * only lots or only orders.
 */
public record HoldScope(List<LotRef> lots, List<String> orders) implements CborSerializable {

  public static final HoldScope NONE = new HoldScope(List.of(), List.of());

  public HoldScope {
    lots = distinct(lots);
    orders = distinct(orders);
  }

  public boolean coversNothing() {
    return lots.isEmpty() && orders.isEmpty();
  }

  /** This scope followed by the entries of {@code more} it does not have yet. */
  public HoldScope plus(HoldScope more) {
    return new HoldScope(concat(lots, more.lots), concat(orders, more.orders));
  }

  /** The entries of this scope that {@code known} does not cover yet. */
  public HoldScope notIn(HoldScope known) {
    return new HoldScope(
        lots.stream().filter(lot -> !known.lots.contains(lot)).toList(),
        orders.stream().filter(order -> !known.orders.contains(order)).toList());
  }

  private static <T> List<T> distinct(List<T> entries) {
    return entries == null ? List.of() : List.copyOf(new LinkedHashSet<>(entries));
  }

  private static <T> List<T> concat(List<T> first, List<T> second) {
    List<T> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }
}
