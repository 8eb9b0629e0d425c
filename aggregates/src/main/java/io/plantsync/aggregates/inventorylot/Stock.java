package io.plantsync.aggregates.inventorylot;

import io.plantsync.aggregates.CborSerializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A lot's stock per storage location and stock type. A list of buckets rather than a map keyed by
 * (location, type) so that it serialises plainly with Jackson. Kept sorted by location and type,
 * and without empty buckets, so that equal stock is an equal value.
 */
public record Stock(List<StockBucket> buckets) implements CborSerializable {

  public static final Stock EMPTY = new Stock(List.of());

  private static final Comparator<StockBucket> ORDER =
      Comparator.comparing(StockBucket::storageLocation).thenComparing(StockBucket::stockType);

  public Stock {
    buckets = List.copyOf(buckets);
  }

  /** A movement would take this bucket below zero: it holds {@code available}, needs {@code required}. */
  public record Shortfall(String storageLocation, StockType stockType, BigDecimal available, BigDecimal required) {
    public String describe() {
      return "insufficient " + stockType + " stock in storage location " + storageLocation + ": "
          + available.toPlainString() + " available, " + required.toPlainString() + " required";
    }
  }

  public BigDecimal quantity(String storageLocation, StockType stockType) {
    for (StockBucket bucket : buckets) {
      if (bucket.matches(storageLocation, stockType)) return bucket.quantity();
    }
    return BigDecimal.ZERO;
  }

  public BigDecimal total(StockType stockType) {
    return buckets.stream()
        .filter(bucket -> bucket.stockType() == stockType)
        .map(StockBucket::quantity)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** The first bucket {@code moves} would take below zero, if any. */
  public Optional<Shortfall> shortfall(List<StockMove> moves) {
    for (StockBucket after : plus(moves).buckets) {
      if (after.quantity().signum() < 0) {
        BigDecimal available = quantity(after.storageLocation(), after.stockType());
        return Optional.of(new Shortfall(after.storageLocation(), after.stockType(), available,
            available.subtract(after.quantity())));
      }
    }
    return Optional.empty();
  }

  /**
   * The stock after {@code moves}. Never fails and never hides a negative bucket (checking is
   * {@link #shortfall}'s job, before the event is persisted); only empty buckets are dropped.
   */
  public Stock plus(List<StockMove> moves) {
    Map<String, StockBucket> byKey = new LinkedHashMap<>();
    for (StockBucket bucket : buckets) byKey.put(key(bucket.storageLocation(), bucket.stockType()), bucket);
    for (StockMove move : moves) {
      byKey.merge(key(move.storageLocation(), move.stockType()),
          new StockBucket(move.storageLocation(), move.stockType(), move.delta()),
          (old, change) -> new StockBucket(old.storageLocation(), old.stockType(),
              old.quantity().add(change.quantity())));
    }
    List<StockBucket> result = new ArrayList<>();
    for (StockBucket bucket : byKey.values()) {
      if (bucket.quantity().signum() != 0) result.add(bucket);
    }
    result.sort(ORDER);
    return new Stock(result);
  }

  private static String key(String storageLocation, StockType stockType) {
    return storageLocation + '\u0000' + stockType;
  }
}
