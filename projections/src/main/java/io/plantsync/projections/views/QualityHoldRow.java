package io.plantsync.projections.views;

import io.plantsync.aggregates.qualityhold.HoldFigures;
import io.plantsync.aggregates.qualityhold.HoldKey;
import io.plantsync.aggregates.qualityhold.QualityHoldState;
import java.time.Instant;
import java.util.Optional;

/** One quality hold in the quality-holds view, and the item of {@code GET /v1/views/quality-holds}. */
public record QualityHoldRow(
    String plant,
    String hold,
    String status,
    String reason,
    int lotCount,
    int orderCount,
    String decision,
    Instant placedAt,
    Instant releasedAt,
    long objectVersion,
    Instant lastChangedAt) {

  public static Optional<QualityHoldRow> of(HoldKey key, HoldFigures f, long version, Instant lastChangedAt) {
    if (!f.exists()) return Optional.empty();
    return Optional.of(new QualityHoldRow(key.plant(), key.hold(), f.status().name(), f.reason(), f.lotCount(),
        f.orderCount(), f.decision() == null ? null : f.decision().name(), f.placedAt(), f.releasedAt(), version,
        lastChangedAt));
  }

  public static Optional<QualityHoldRow> of(QualityHoldState s) {
    return of(new HoldKey(s.plant(), s.hold()), s.figures(), s.version(), s.lastChangedAt());
  }
}
