package io.plantsync.aggregates.common;

import io.plantsync.aggregates.AggregateSettings;
import io.plantsync.aggregates.observability.EntityLifecycle;
import io.plantsync.aggregates.observability.PlantSyncMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;
import org.apache.pekko.actor.typed.BackoffSupervisorStrategy;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * What every business object's entity shares: persistence id {@code <type>|<entity id>}, a restart
 * with backoff when a write fails (the pending command times out and the adapter retries), tags for
 * projections, snapshots every N events, the {@link CommandGate}, an event handler that applies
 * events to the state ({@link GovernedState#apply}) and never fails, and its type's meters
 * ({@link #observed}).
 */
public abstract class GovernedEntity<C, E extends GovernedEvent, S extends GovernedState<S, E>>
    extends EventSourcedBehaviorWithEnforcedReplies<C, E, S> {

  /**
   * A write failure restarts the entity with backoff (the pending command times out, the adapter
   * retries). Immutable, so shared by every entity: per entity it cost ~100 bytes of heap.
   */
  private static final BackoffSupervisorStrategy RESTART_ON_FAILURE =
      SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.1);

  protected final String entityId;
  protected final AggregateSettings settings;
  protected final CommandGate<E, S> gate;
  private final String entityTypeName;
  private final EntityLifecycle lifecycle;

  protected GovernedEntity(EntityTypeKey<C> entityType, String entityId, AggregateSettings settings, Clock clock,
      EntityServices node) {
    super(PersistenceId.of(entityType.name(), entityId), RESTART_ON_FAILURE);
    this.entityTypeName = entityType.name();
    this.entityId = entityId;
    this.settings = settings;
    // The persistence id's string is the object key (LogContext.objectKey): one string per entity, not two.
    this.gate = new CommandGate<>(persistenceId().id(), settings.systemOfRecord(), clock, node.fence());
    this.lifecycle = new EntityLifecycle(node.metrics());
  }

  /**
   * The entity with the meters of its type on this node's registry and the node's pause fence. (Log
   * lines need no wrapper: the {@link CommandGate} sets the command's log context, and Pekko puts the
   * persistence id on its own.)
   */
  protected static <C> Behavior<C> observed(EntityTypeKey<C> entityType,
      Function<EntityServices, GovernedEntity<C, ?, ?>> entity) {
    return Behaviors.setup(ctx -> entity.apply(new EntityServices(
        PlantSyncMetrics.get(ctx.getSystem()).entity(entityType.name()), PauseFence.get(ctx.getSystem()))));
  }

  @Override
  public EventHandler<S, E> eventHandler() {
    return newEventHandlerBuilder().forAnyState()
        .onAnyEvent((state, event) -> state.apply(event, settings.messageIdWindow()));
  }

  @Override
  public SignalHandler<S> signalHandler() {
    return new SignalHandler<>(new LifecycleSignals<>(lifecycle));
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
