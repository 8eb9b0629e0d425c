package io.plantsync.aggregates.inventorylot;

import io.plantsync.aggregates.common.UsageDecision;
import io.plantsync.aggregates.common.Quantities;
import io.plantsync.aggregates.inventorylot.InventoryLotEvent.*;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An independent book of a lot's stock and reservations, kept from the events' own fields by the
 * test's reading of src/docs/contract.md. It deliberately does not use {@code moves()}, {@link Stock},
 * {@link PostedMovement} or a reservation change's {@code change}, so that it can disagree with the
 * entity.
 */
final class StockLedger {

  /** A signed change of the bucket {@code location/TYPE}. */
  private record Effect(String bucket, BigDecimal delta) {
    Effect negated() {
      return new Effect(bucket, delta.negate());
    }
  }

  /** What an issue took off reservation {@code reservationId}; {@code closed} when it closed it. */
  private record Withdrawal(String reservationId, BigDecimal quantity, boolean closed) {}

  private final Map<String, BigDecimal> balances = new HashMap<>();
  private final Map<String, List<Effect>> effectsByMovement = new HashMap<>();

  // Reservations: reserved once, consumed by the issues naming them, open until released or closed.
  private final Map<String, BigDecimal> reserved = new HashMap<>();
  private final Map<String, BigDecimal> consumed = new HashMap<>();
  private final Set<String> open = new HashSet<>();
  private final Map<String, Withdrawal> withdrawalsByMovement = new HashMap<>();

  void record(InventoryLotEvent event) {
    recordReservations(event);
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

  /**
   * A reservation's open quantity is what was reserved minus what issues consumed. An issue consumes
   * its quantity, or all that remains when it closes the reservation (a final issue may issue more
   * or less than that). Reversing an issue gives its consumption back if the reservation is still
   * open or this issue closed it; after a release, nothing.
   */
  private void recordReservations(InventoryLotEvent event) {
    if (event instanceof StockReserved e) {
      reserved.put(e.reservationId(), e.quantity());
      consumed.put(e.reservationId(), BigDecimal.ZERO);
      open.add(e.reservationId());
    } else if (event instanceof ReservationReleased e) {
      open.remove(e.reservationId());
    } else if (event instanceof GoodsIssued e && e.reservation() != null) {
      String id = e.reservation().reservationId();
      boolean closes = e.reservation().openQuantity().signum() == 0;
      BigDecimal quantity = closes ? openQuantity(id) : e.quantity();
      consumed.merge(id, quantity, BigDecimal::add);
      if (closes) open.remove(id);
      withdrawalsByMovement.put(e.movementId(), new Withdrawal(id, quantity, closes));
    } else if (event instanceof MovementReversed e && withdrawalsByMovement.containsKey(e.reversedMovementId())) {
      Withdrawal withdrawal = withdrawalsByMovement.get(e.reversedMovementId());
      if (open.contains(withdrawal.reservationId()) || withdrawal.closed()) {
        consumed.merge(withdrawal.reservationId(), withdrawal.quantity().negate(), BigDecimal::add);
        open.add(withdrawal.reservationId());
      }
    }
  }

  /** Reserved minus consumed, for every open reservation. */
  Map<String, BigDecimal> openReservations() {
    Map<String, BigDecimal> quantities = new TreeMap<>();
    for (String id : open) quantities.put(id, Quantities.normalised(openQuantity(id)));
    return quantities;
  }

  /** The open quantity of {@code reservationId}, or null if it is not open. */
  BigDecimal openQuantityOf(String reservationId) {
    return open.contains(reservationId) ? openQuantity(reservationId) : null;
  }

  private BigDecimal openQuantity(String reservationId) {
    return reserved.get(reservationId).subtract(consumed.get(reservationId));
  }

  /** The entity's open reservations in the ledger's form. */
  static Map<String, BigDecimal> openReservationsOf(InventoryLotState state) {
    Map<String, BigDecimal> quantities = new TreeMap<>();
    state.reservations().forEach((id, reservation) ->
        quantities.put(id, Quantities.normalised(reservation.quantity())));
    return quantities;
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
