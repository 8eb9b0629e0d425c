package io.plantsync.aggregates.common;

import io.plantsync.aggregates.AggregateSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;

/**
 * What every business object's entity shares: persistence id {@code <type>|<entity id>}, a restart
 * with backoff when a write fails (the pending command times out and the adapter retries), tags for
 * projections, snapshots every N events, the {@link CommandGate}, and an event handler that applies
 * events to the state and never fails.
 */
public abstract class GovernedEntity<C, E extends GovernedEvent, S extends GovernedState>
    extends EventSourcedBehaviorWithEnforcedReplies<C, E, S> {

  protected final String entityId;
  protected final AggregateSettings settings;
  protected final CommandGate<E, S> gate;
  private final String entityTypeName;

  protected GovernedEntity(EntityTypeKey<C> entityType, String entityId, AggregateSettings settings, Clock clock) {
    super(PersistenceId.of(entityType.name(), entityId),
        SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.1));
    this.entityTypeName = entityType.name();
    this.entityId = entityId;
    this.settings = settings;
    this.gate = new CommandGate<>(entityId, settings.systemOfRecord(), clock);
  }

  /** The key parts of the entity id, plant first. Keys never contain '/' (canonical model). */
  protected List<String> keys() {
    return List.of(entityId.split("/"));
  }

  /** The state after {@code event}; must not validate or fail. */
  protected abstract S applyEvent(S state, E event, int messageIdWindow);

  @Override
  public EventHandler<S, E> eventHandler() {
    return newEventHandlerBuilder().forAnyState()
        .onAnyEvent((state, event) -> applyEvent(state, event, settings.messageIdWindow()));
  }

  @Override
  public Set<String> tagsFor(E event) {
    return Tagging.tagsOf(entityTypeName, entityId, settings.tagPartitions());
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(settings.snapshotEvery(), 2);
  }
}
