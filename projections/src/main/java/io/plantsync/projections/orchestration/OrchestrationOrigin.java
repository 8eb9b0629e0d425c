package io.plantsync.projections.orchestration;

import io.plantsync.aggregates.common.Origin;
import org.apache.pekko.projection.eventsourced.EventEnvelope;

/**
 * The sender of PlantSync's own commands. The messageId is derived from the event that caused the
 * command (persistence id and sequence number), so a projection that replays the event sends the
 * very same command and the target object answers it as a duplicate.
 */
public final class OrchestrationOrigin {
  private OrchestrationOrigin() {}

  static Origin of(EventEnvelope<?> cause) {
    return of(cause.persistenceId(), cause.sequenceNr());
  }

  /** The origin of the commands caused by event {@code sequenceNr} of {@code persistenceId}. */
  public static Origin of(String persistenceId, long sequenceNr) {
    return Origin.orchestration(Origin.ORCHESTRATION + ":" + persistenceId + "#" + sequenceNr);
  }
}
