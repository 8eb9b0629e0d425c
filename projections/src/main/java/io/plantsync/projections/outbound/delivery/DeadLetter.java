package io.plantsync.projections.outbound.delivery;

import java.time.Instant;

/** An event a subscriber did not take: kept with its exact body until an operator replays or discards it. */
public record DeadLetter(
    String subscriber, String persistenceId, long sequenceNr, String eventId, String eventType, String plant,
    String body, String lastError, int attempts, Instant parkedAt) {}
