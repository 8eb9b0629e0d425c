package io.plantsync.projections.parking;

import java.time.Instant;

/** An event a projection could not handle, kept for operators instead of being skipped or retried forever. */
public record ParkedEvent(
    String projection, String persistenceId, long sequenceNr, String eventType, String reason, Instant parkedAt) {}
