package io.plantsync.projections;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.pekko.Done;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.javadsl.Handler;

/**
 * Handles a group of one tag's events: each object's events one after another in sequence order,
 * and up to {@code parallelism} objects at the same time. Handled one event at a time, a tag waited
 * for every event's round trips (an entity read, a view upsert, a webhook) before it started the next
 * object's, and fell behind at a few hundred commands/s. No handler relies on the order between two
 * objects (they may sit in different tags anyway), only on the order within one.
 *
 * <p>The inner handler is called concurrently for different objects, so it must be thread-safe. The
 * group completes when every object's events are handled; if one fails, no further objects are
 * started and the group fails once the started ones finish, so the projection retries it from the
 * group's start (handlers are idempotent: at-least-once). That wait is why this is not a stream's
 * {@code mapAsyncUnordered} (as in {@code CommandFanOut}): a stream fails at once, and the retry
 * could then deliver an object's events while its first attempt is still sending them.
 */
public final class ObjectsInParallel<E> extends Handler<List<EventEnvelope<E>>> {

  private final Handler<EventEnvelope<E>> inner;
  private final int parallelism;

  public ObjectsInParallel(Handler<EventEnvelope<E>> inner, int parallelism) {
    if (parallelism < 1) throw new IllegalArgumentException("parallelism must be >= 1");
    this.inner = inner;
    this.parallelism = parallelism;
  }

  @Override
  public CompletionStage<Done> process(List<EventEnvelope<E>> group) {
    Queue<List<EventEnvelope<E>>> objects = new ConcurrentLinkedQueue<>(byObject(group).values());
    Lanes lanes = new Lanes(objects);
    List<CompletableFuture<Done>> running = new ArrayList<>();
    for (int lane = 0; lane < Math.min(parallelism, objects.size()); lane++) {
      running.add(lanes.next().toCompletableFuture());
    }
    return CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).thenApply(all -> Done.getInstance());
  }

  @Override
  public CompletionStage<Done> start() {
    return inner.start();
  }

  @Override
  public CompletionStage<Done> stop() {
    return inner.stop();
  }

  /** The group's events per object, objects in order of their first event, events in group order. */
  static <E> Map<String, List<EventEnvelope<E>>> byObject(List<EventEnvelope<E>> group) {
    Map<String, List<EventEnvelope<E>>> byObject = new LinkedHashMap<>();
    for (EventEnvelope<E> envelope : group) {
      byObject.computeIfAbsent(envelope.persistenceId(), id -> new ArrayList<>()).add(envelope);
    }
    return byObject;
  }

  /** Each lane takes the next waiting object once its current one is done. */
  private final class Lanes {
    private final Queue<List<EventEnvelope<E>>> waiting;
    private volatile boolean failed;

    Lanes(Queue<List<EventEnvelope<E>>> waiting) {
      this.waiting = waiting;
    }

    CompletionStage<Done> next() {
      List<EventEnvelope<E>> object = failed ? null : waiting.poll();
      if (object == null) return CompletableFuture.completedFuture(Done.getInstance());
      return inOrder(object, 0).whenComplete((done, failure) -> {
        if (failure != null) failed = true;
      }).thenCompose(done -> next());
    }

    private CompletionStage<Done> inOrder(List<EventEnvelope<E>> events, int index) {
      if (index == events.size()) return CompletableFuture.completedFuture(Done.getInstance());
      CompletionStage<Done> handled;
      try {
        handled = inner.process(events.get(index));
      } catch (Exception e) {
        handled = CompletableFuture.failedFuture(e);
      }
      return handled.thenCompose(done -> inOrder(events, index + 1));
    }
  }
}
