package io.plantsync.aggregates.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import org.apache.pekko.actor.typed.ExtensionSetup;

/**
 * The node's one {@link MeterRegistry}, held by its actor system, so several nodes in one JVM (the
 * integration tests) never share meters. The node installs its Prometheus registry with
 * {@link #setup(MeterRegistry)} when it creates the actor system; without it (unit tests) meters go
 * to an in-memory registry of that system.
 */
public final class PlantSyncMetrics implements Extension {

  public static final ExtensionId<PlantSyncMetrics> ID = new Id();

  private final MeterRegistry registry;
  private final ConcurrentMap<String, EntityMetrics> entities = new ConcurrentHashMap<>();

  private PlantSyncMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public static PlantSyncMetrics get(ActorSystem<?> system) {
    return ID.apply(system);
  }

  /** Makes {@code registry} the actor system's: pass it in the system's {@code ActorSystemSetup}. */
  public static ExtensionSetup<PlantSyncMetrics> setup(MeterRegistry registry) {
    return new ExtensionSetup<>(ID, system -> new PlantSyncMetrics(registry)) {};
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** The meters of one entity type, shared by all its entities on this node. */
  public EntityMetrics entity(String entityType) {
    return entities.computeIfAbsent(entityType, type -> new EntityMetrics(registry, type));
  }

  private static final class Id extends ExtensionId<PlantSyncMetrics> {
    @Override
    public PlantSyncMetrics createExtension(ActorSystem<?> system) {
      return new PlantSyncMetrics(new SimpleMeterRegistry());
    }
  }
}
