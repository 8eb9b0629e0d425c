package io.plantsync.aggregates.productionorder;

import io.plantsync.aggregates.CborSerializable;
import java.math.BigDecimal;

/** What the shop floor has confirmed so far for one operation. */
public record OperationProgress(
    String operation,
    String workCenter,
    BigDecimal confirmedYield,
    BigDecimal confirmedScrap,
    boolean finallyConfirmed)
    implements CborSerializable {

  public static OperationProgress notStarted(Operation operation) {
    return new OperationProgress(
        operation.operation(), operation.workCenter(), BigDecimal.ZERO, BigDecimal.ZERO, false);
  }

  public OperationProgress plus(BigDecimal yield, BigDecimal scrap, boolean finalConfirmation) {
    return new OperationProgress(
        operation,
        workCenter,
        confirmedYield.add(yield),
        confirmedScrap.add(scrap),
        finallyConfirmed || finalConfirmation);
  }
}
