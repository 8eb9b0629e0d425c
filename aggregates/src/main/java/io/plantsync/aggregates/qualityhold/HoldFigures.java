package io.plantsync.aggregates.qualityhold;

import io.plantsync.aggregates.ObjectFigures;
import io.plantsync.aggregates.common.UsageDecision;
import java.time.Instant;

/** A hold's status and scope size after an event ({@link ObjectFigures}); status null before it is placed. */
public record HoldFigures(
    HoldStatus status,
    String reason,
    int lotCount,
    int orderCount,
    UsageDecision decision,
    Instant placedAt,
    Instant releasedAt)
    implements ObjectFigures {

  static HoldFigures of(QualityHoldState s) {
    return new HoldFigures(s.status(), s.reason(), s.scope().lots().size(), s.scope().orders().size(), s.decision(),
        s.placedAt(), s.releasedAt());
  }

  public boolean exists() {
    return status != null;
  }
}
