package io.plantsync.aggregates.inventorylot;

import io.plantsync.aggregates.CborSerializable;
import io.plantsync.aggregates.common.Quantities;
import java.math.BigDecimal;
import java.util.List;

/**
 * One transfer posting a rejecting usage decision makes: all {@code from} stock of one storage
 * location to BLOCKED (344 from UNRESTRICTED, 350 from QUALITY).
 */
public record TransferToBlocked(
    String storageLocation, StockType from, BigDecimal quantity, MovementType movementType)
    implements CborSerializable {

  public TransferToBlocked {
    quantity = Quantities.normalised(quantity);
  }

  static TransferToBlocked allOf(StockBucket bucket) {
    return new TransferToBlocked(bucket.storageLocation(), bucket.stockType(), bucket.quantity(),
        MovementType.stockTypeChange(bucket.stockType(), StockType.BLOCKED));
  }

  List<StockMove> moves() {
    return List.of(StockMove.outOf(storageLocation, from, quantity),
        StockMove.into(storageLocation, StockType.BLOCKED, quantity));
  }
}
