package io.plantsync.aggregates.common;

import io.plantsync.aggregates.CborSerializable;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * A command that changes a business object: it names its sender ({@link Origin}), its command type
 * and the business key that makes a repeat a duplicate. Every one is either an {@link
 * AdapterCommand}, from a system adapter, or an {@link OrchestrationCommand}, PlantSync's own: each
 * object's root of governed commands is sealed to exactly those two kinds.
 */
public interface GovernedCommand extends CborSerializable {
  Origin origin();

  ActorRef<CommandReply> replyTo();

  /** The command type, e.g. {@code production-order.plan}. */
  String type();

  /** A key that identifies the business fact beyond the messageId (null if none). */
  default String businessKey() {
    return null;
  }
}
