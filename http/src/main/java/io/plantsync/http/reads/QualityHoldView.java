package io.plantsync.http.reads;

import io.plantsync.aggregates.qualityhold.LotRef;
import io.plantsync.aggregates.qualityhold.QualityHoldState;
import java.time.Instant;
import java.util.List;

/** The public JSON of a quality hold read: status, scope and, once released, the usage decision. */
public record QualityHoldView(
    String plant,
    String hold,
    String status,
    String reason,
    List<LotRef> lots,
    List<String> orders,
    String decision,
    String note,
    Instant placedAt,
    Instant releasedAt,
    long objectVersion,
    Instant lastChangedAt) {

  public static QualityHoldView of(QualityHoldState s) {
    return new QualityHoldView(s.plant(), s.hold(), s.status().name(), s.reason(), s.scope().lots(),
        s.scope().orders(), s.decision() == null ? null : s.decision().name(), s.note(), s.placedAt(),
        s.releasedAt(), s.version(), s.lastChangedAt());
  }
}
