package io.plantsync.aggregates.common;

import io.plantsync.aggregates.CborSerializable;
import java.time.Instant;

/**
 * Facts every event carries for downstream systems and audits: which message caused it, which
 * adapter sent it, when PlantSync recorded it and when it happened in the source system.
 */
public record EventMeta(
    String messageId,
    String adapterId,
    Instant recordedAt,
    Instant occurredAt,
    Long sourceVersion)
    implements CborSerializable {

  public static EventMeta of(Origin origin, Instant recordedAt) {
    return new EventMeta(
        origin.messageId(),
        origin.adapterId(),
        recordedAt,
        origin.occurredAt(),
        origin.sourceVersion());
  }
}
