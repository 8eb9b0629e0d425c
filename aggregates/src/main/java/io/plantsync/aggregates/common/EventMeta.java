package io.plantsync.aggregates.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.plantsync.aggregates.CborSerializable;
import io.plantsync.aggregates.ObjectFigures;
import java.time.Instant;

/**
 * Facts every event carries for downstream systems and audits: which message caused it, which
 * adapter sent it, when PlantSync recorded it and when it happened in the source system, and the
 * object's figures after it ({@link ObjectFigures}; null on events recorded before they were added).
 */
public record EventMeta(
    String messageId,
    String adapterId,
    Instant recordedAt,
    Instant occurredAt,
    Long sourceVersion,
    // Left out when null, so events recorded before figures existed are still written byte for byte.
    @JsonInclude(JsonInclude.Include.NON_NULL) ObjectFigures figures)
    implements CborSerializable {

  /** Without figures: the meta a decision is made with ({@link CommandGate} adds them). */
  public EventMeta(String messageId, String adapterId, Instant recordedAt, Instant occurredAt, Long sourceVersion) {
    this(messageId, adapterId, recordedAt, occurredAt, sourceVersion, null);
  }

  public static EventMeta of(Origin origin, Instant recordedAt) {
    return new EventMeta(
        origin.messageId(),
        origin.adapterId(),
        recordedAt,
        origin.occurredAt(),
        origin.sourceVersion());
  }

  public EventMeta withFigures(ObjectFigures objectFigures) {
    return new EventMeta(messageId, adapterId, recordedAt, occurredAt, sourceVersion, objectFigures);
  }
}
