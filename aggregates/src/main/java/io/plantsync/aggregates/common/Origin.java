package io.plantsync.aggregates.common;

import io.plantsync.aggregates.CborSerializable;
import io.plantsync.aggregates.governance.AdapterKind;
import java.time.Instant;

/**
 * Who sent a command and under which idempotency key: the envelope fields every business command
 * carries into its entity. {@code sourceVersion} and {@code occurredAt} are optional (null).
 */
public record Origin(
    String messageId,
    String adapterId,
    AdapterKind adapterKind,
    Long sourceVersion,
    Instant occurredAt)
    implements CborSerializable {

  /** The adapter id of PlantSync's own orchestration commands. */
  public static final String ORCHESTRATION = "plantsync";

  /** The origin of an orchestration command: no adapter kind; {@code messageId} derived from its cause. */
  public static Origin orchestration(String messageId) {
    return new Origin(messageId, ORCHESTRATION, null, null, null);
  }
}
