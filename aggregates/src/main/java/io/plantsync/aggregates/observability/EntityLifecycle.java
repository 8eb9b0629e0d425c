package io.plantsync.aggregates.observability;

/**
 * Turns one entity's lifecycle signals into its type's meters. A journal write failure restarts the
 * entity (PreRestart) and it recovers again, so "running" is tracked to count each entity once.
 * Owned by one entity actor: signals arrive one at a time, no synchronization needed.
 */
public final class EntityLifecycle {

  private final EntityMetrics metrics;
  private boolean running;

  public EntityLifecycle(EntityMetrics metrics) {
    this.metrics = metrics;
  }

  public void recovered() {
    if (running) return;
    running = true;
    metrics.started();
  }

  /**
   * Only a journal failure restarts an entity: a failed write when it was running, a failed recovery
   * otherwise. (Pekko's RecoveryFailed signal can arrive twice for one failure; the restart cannot.)
   */
  public void restarting() {
    if (running) metrics.persistFailed();
    else metrics.recoveryFailed();
    stopped();
  }

  public void stopped() {
    if (!running) return;
    running = false;
    metrics.stopped();
  }
}
