package io.plantsync.aggregates.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One entity type's meters on this node: entities running (recovered and not stopped), failed
 * journal writes and failed recoveries. Labelled by entity type only, never by object.
 */
public final class EntityMetrics {

  private final AtomicLong live = new AtomicLong();
  private final Counter persistFailures;
  private final Counter recoveryFailures;

  EntityMetrics(MeterRegistry registry, String entityType) {
    Gauge.builder("plantsync.entities.live", live, AtomicLong::get)
        .description("Entities of this type running on this node (recovered, not yet passivated or stopped)")
        .tag("entity_type", entityType)
        .register(registry);
    persistFailures = Counter.builder("plantsync.persist.failures")
        .description("Event writes the journal failed; the entity restarts with backoff, the command times out (503)")
        .tag("entity_type", entityType)
        .register(registry);
    recoveryFailures = Counter.builder("plantsync.recovery.failures")
        .description("Entity recoveries (snapshot and event replay) that failed; the entity restarts with backoff")
        .tag("entity_type", entityType)
        .register(registry);
  }

  void started() {
    live.incrementAndGet();
  }

  void stopped() {
    live.decrementAndGet();
  }

  void persistFailed() {
    persistFailures.increment();
  }

  void recoveryFailed() {
    recoveryFailures.increment();
  }

  public long live() {
    return live.get();
  }
}
