package io.plantsync.projections.views;

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

  public static Optional<QualityHoldRow> of(QualityHoldState s) {
    if (!s.exists()) return Optional.empty();
    return Optional.of(new QualityHoldRow(s.plant(), s.hold(), s.status().name(), s.reason(),
        s.scope().lots().size(), s.scope().orders().size(), s.decision() == null ? null : s.decision().name(),
        s.placedAt(), s.releasedAt(), s.version(), s.lastChangedAt()));
  }
}
