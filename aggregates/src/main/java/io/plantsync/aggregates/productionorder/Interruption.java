package io.plantsync.aggregates.productionorder;

import io.plantsync.aggregates.CborSerializable;
import java.time.Instant;

/** A maintenance interruption the MES reported; open while {@code endedAt} is null. */
public record Interruption(
    String interruptionId, String workCenter, String reason, Instant startedAt, Instant endedAt)
    implements CborSerializable {

  public boolean open() {
    return endedAt == null;
  }
}
