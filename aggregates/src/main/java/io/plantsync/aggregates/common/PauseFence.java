package io.plantsync.aggregates.common;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Self-fencing against long pauses (failure mode FM-long-pause, src/docs/failure-modes.md). A node
 * frozen by a long GC pause, SIGSTOP or a stalled VM is downed by the others, which then recover its
 * objects; when it wakes up it still holds those objects and the commands queued in its mailboxes,
 * and would write the same sequence numbers as the new owners before it learns it was removed
 * (FrozenNodeIT saw exactly that).
 *
 * <p>A daemon thread ticks every {@code tick}; a gap longer than {@code max-pause} — far shorter than
 * the time the others need to take over (failure detection + SBR stable-after + down-removal
 * margin) — trips the fence for good: no entity on this node persists again, commands get
 * {@code unavailable} (the adapter retries elsewhere) and the node shuts down to be restarted.
 * An entity checks the fence right before it persists, so a write is refused even if the entity
 * runs before the ticking thread has noticed the pause; the Cassandra driver checks it again for
 * every request ({@link #writesAllowedInThisJvm}) and for every frame its I/O threads hand to a
 * socket, which also stops writes that were already queued in the journal or the driver when the
 * node froze (FrozenNodeIT caught one of each in CI).
 */
public final class PauseFence implements Extension, BooleanSupplier {

  private static final Logger log = LoggerFactory.getLogger(PauseFence.class);
  public static final ExtensionId<PauseFence> ID = new Id();

  /** Why coordinated shutdown ran, as it appears in the node's logs. */
  public static final CoordinatedShutdown.Reason PAUSED = new CoordinatedShutdown.Reason() {
    @Override
    public String toString() {
      return "PausedLongerThanMaxPause";
    }
  };

  private static final Set<PauseFence> WATCHED = ConcurrentHashMap.newKeySet();
  private static Thread watcher;

  private final long maxPauseNanos;
  private final Runnable onTrip;
  private volatile long lastTick = System.nanoTime();
  private volatile boolean tripped;

  PauseFence(Duration maxPause, Runnable onTrip) {
    this.maxPauseNanos = maxPause.toNanos();
    this.onTrip = onTrip;
  }

  public static PauseFence get(ActorSystem<?> system) {
    return ID.apply(system);
  }

  /**
   * {@link #allowsWrites()}, as the question every entity's {@link CommandGate} asks: the fence itself
   * instead of a method reference, which would be one more object per live entity.
   */
  @Override
  public boolean getAsBoolean() {
    return allowsWrites();
  }

  /** False once this node has been paused longer than max-pause: it must not persist anything. */
  public boolean allowsWrites() {
    if (tripped) return false;
    long gap = System.nanoTime() - lastTick;
    if (gap > maxPauseNanos) {
      trip(gap);
      return false;
    }
    return true;
  }

  /** One tick of the watching thread; the fence is tripped before the new tick is visible. */
  void tick() {
    long now = System.nanoTime();
    long gap = now - lastTick;
    if (gap > maxPauseNanos) trip(gap);
    lastTick = now;
  }

  private synchronized void trip(long gapNanos) {
    if (tripped) return;
    tripped = true;
    log.error("This node was paused for {} ms (max-pause {} ms): the cluster may have downed it and moved its "
            + "objects. Refusing all writes and shutting down; it must be restarted.",
        TimeUnit.NANOSECONDS.toMillis(gapNanos), TimeUnit.NANOSECONDS.toMillis(maxPauseNanos));
    onTrip.run();
  }

  /**
   * JVM-wide, for code with no actor system at hand (the Cassandra driver's request throttler, which
   * sees every write, including the journal's queued ones): false when any node in this JVM is fenced
   * or the JVM has been paused beyond a node's max-pause.
   */
  public static boolean writesAllowedInThisJvm() {
    for (PauseFence fence : WATCHED) {
      if (!fence.allowsWrites()) return false;
    }
    return true;
  }

  /** Pauses are JVM-wide: one daemon thread ticks every fence of this JVM. */
  private static synchronized void watch(PauseFence fence, Duration tick) {
    WATCHED.add(fence);
    if (watcher != null) return;
    watcher = new Thread(() -> {
      while (true) {
        for (PauseFence watched : WATCHED) watched.tick();
        try {
          Thread.sleep(tick.toMillis());
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "plantsync-pause-fence");
    watcher.setDaemon(true);
    watcher.start();
  }

  private static final class Id extends ExtensionId<PauseFence> {
    @Override
    public PauseFence createExtension(ActorSystem<?> system) {
      var config = system.settings().config().getConfig("plantsync.aggregates.pause-fence");
      PauseFence fence = new PauseFence(config.getDuration("max-pause"),
          () -> CoordinatedShutdown.get(system).run(PAUSED));
      watch(fence, config.getDuration("tick"));
      Dispatched.whenTerminated(system, () -> WATCHED.remove(fence));
      return fence;
    }
  }
}
