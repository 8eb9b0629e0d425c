package io.plantsync.aggregates.qualityhold;

import io.plantsync.aggregates.AggregateSettings;
import java.time.Clock;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;

/**
 * Quality hold entities under {@link EventSourcedBehaviorTestKit}. Every command, event and state
 * must come back from a CBOR round trip equal to what went in: a field Jackson cannot read back
 * would otherwise only show up when a node recovers the hold from the journal.
 */
final class HoldTestKit {
  private HoldTestKit() {}

  static EventSourcedBehaviorTestKit<QualityHoldCommand, QualityHoldEvent, QualityHoldState> spawn(
      ActorTestKit testKit, String entityId, AggregateSettings settings, Clock clock) {
    return EventSourcedBehaviorTestKit.create(
        testKit.system(),
        QualityHold.create(entityId, settings, clock),
        EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyEquality(true));
  }
}
