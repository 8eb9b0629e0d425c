package io.plantsync.aggregates.inventorylot;

import io.plantsync.aggregates.common.UsageDecision;
import io.plantsync.aggregates.common.Quantities;
import io.plantsync.aggregates.inventorylot.InventoryLotEvent.*;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An independent book of a lot's stock, kept from the events' own fields by the test's reading of
 * the canonical model. It deliberately does not use {@code moves()}, {@link Stock} or
 * {@link PostedMovement}, so that it can disagree with the entity.
 */
final class StockLedger {

  /** A signed change of the bucket {@code location/TYPE}. */
  private record Effect(String bucket, BigDecimal delta) {
    Effect negated() {
      return new Effect(bucket, delta.negate());
    }
  }

  private final Map<String, BigDecimal> balances = new HashMap<>();
  private final Map<String, List<Effect>> effectsByMovement = new HashMap<>();

  void record(InventoryLotEvent event) {
    List<Effect> effects = new ArrayList<>();
    if (event instanceof GoodsReceived e) {
      effects.add(effect(e.storageLocation(), e.stockType(), e.quantity()));
    } else if (event instanceof GoodsIssued e) {
      effects.add(effect(e.storageLocation(), StockType.UNRESTRICTED, e.quantity().negate()));
    } else if (event instanceof StockTransferred e) {
      effects.add(effect(e.fromStorageLocation(), StockType.UNRESTRICTED, e.quantity().negate()));
      effects.add(effect(e.toStorageLocation(), StockType.UNRESTRICTED, e.quantity()));
    } else if (event instanceof StockTypeChanged e) {
      effects.add(effect(e.storageLocation(), e.from(), e.quantity().negate()));
      effects.add(effect(e.storageLocation(), e.to(), e.quantity()));
    } else if (event instanceof StockScrapped e) {
      effects.add(effect(e.storageLocation(), e.stockType(), e.quantity().negate()));
    } else if (event instanceof MovementReversed e) {
      for (Effect original : effectsByMovement.getOrDefault(e.reversedMovementId(), List.of())) {
        effects.add(original.negated());
      }
    } else if (event instanceof StockCounted e) {
      effects.add(effect(e.storageLocation(), e.stockType(),
          e.countedQuantity().subtract(balance(e.storageLocation(), e.stockType()))));
    } else if (event instanceof LotReleasedFromHold e && e.decision() == UsageDecision.REJECT) {
      for (Map.Entry<String, BigDecimal> entry : new TreeMap<>(balances).entrySet()) {
        String[] bucket = entry.getKey().split("/");
        if (!bucket[1].equals(StockType.BLOCKED.name())) {
          effects.add(new Effect(entry.getKey(), entry.getValue().negate()));
          effects.add(effect(bucket[0], StockType.BLOCKED, entry.getValue()));
        }
      }
    }
    for (Effect effect : effects) balances.merge(effect.bucket(), effect.delta(), BigDecimal::add);
    if (event instanceof MaterialDocument document) effectsByMovement.put(document.movementId(), effects);
  }

  /** Non-zero balances, keyed {@code location/TYPE}, in canonical BigDecimal form. */
  Map<String, BigDecimal> balances() {
    Map<String, BigDecimal> nonZero = new TreeMap<>();
    balances.forEach((bucket, quantity) -> {
      if (quantity.signum() != 0) nonZero.put(bucket, Quantities.normalised(quantity));
    });
    return nonZero;
  }

  BigDecimal total(StockType stockType) {
    return balances.entrySet().stream()
        .filter(entry -> entry.getKey().endsWith("/" + stockType.name()))
        .map(Map.Entry::getValue)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** The entity's stock in the ledger's form, for comparison. */
  static Map<String, BigDecimal> balancesOf(Stock stock) {
    Map<String, BigDecimal> byBucket = new TreeMap<>();
    for (StockBucket bucket : stock.buckets()) {
      byBucket.put(key(bucket.storageLocation(), bucket.stockType()), Quantities.normalised(bucket.quantity()));
    }
    return byBucket;
  }

  private BigDecimal balance(String location, StockType type) {
    return balances.getOrDefault(key(location, type), BigDecimal.ZERO);
  }

  private static Effect effect(String location, StockType type, BigDecimal delta) {
    return new Effect(key(location, type), delta);
  }

  private static String key(String location, StockType type) {
    return location + "/" + type.name();
  }
}
