package io.plantsync.aggregates.common;

import io.plantsync.aggregates.CborSerializable;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * A command that changes a business object: it names its sender ({@link Origin}), its canonical
 * type and the business key that makes a repeat a duplicate.
 */
public interface GovernedCommand extends CborSerializable {
  Origin origin();

  ActorRef<CommandReply> replyTo();

  /** The canonical command type, e.g. {@code production-order.plan}. */
  String type();

  /** A key that identifies the business fact beyond the messageId (null if none). */
  default String businessKey() {
    return null;
  }

  /**
   * Adapter commands are checked against the system-of-record matrix. PlantSync's own orchestration
   * commands (never reachable over HTTP) are not.
   */
  default boolean fromAdapter() {
    return true;
  }
}
