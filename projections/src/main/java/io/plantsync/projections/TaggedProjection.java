package io.plantsync.projections;

import io.plantsync.aggregates.common.Delay;
import io.plantsync.aggregates.common.Tagging;
import io.plantsync.projections.monitoring.MonitoredHandler;
import io.plantsync.projections.monitoring.ProjectionMonitor;
import io.plantsync.projections.monitoring.ProjectionStats;
import io.plantsync.projections.parking.ParkedEvents;
import io.plantsync.projections.parking.ParkingHandler;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.ShardedDaemonProcessSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ShardedDaemonProcess;
import org.apache.pekko.persistence.cassandra.query.javadsl.CassandraReadJournal;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.projection.HandlerRecoveryStrategy;
import org.apache.pekko.projection.ProjectionBehavior;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.cassandra.javadsl.CassandraProjection;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.eventsourced.javadsl.EventSourcedProvider;
import org.apache.pekko.projection.javadsl.Handler;
import org.apache.pekko.projection.javadsl.SourceProvider;

/**
 * Runs one projection over all tag partitions of one object type: one instance per tag, spread over
 * the cluster by a ShardedDaemonProcess, offsets in Cassandra, at-least-once (handlers must be
 * idempotent and thread-safe). Events come in groups; up to {@code objects-in-parallel} (default 1)
 * of a group's objects are handled at a time, each object's events in order ({@link ObjectsInParallel}),
 * or only each object's newest event ({@link Lanes}); the offset is stored after each group.
 * Every handler is measured ({@code MonitoredHandler}) and guarded against poison events
 * ({@code ParkingHandler}); a transient failure restarts the projection with backoff from its last
 * stored offset, so nothing is skipped.
 */
public final class TaggedProjection {
  private TaggedProjection() {}

  /** Starts the projection with the lanes of {@code plantsync.projections.group} (every event handled). */
  public static <E> void start(
      ActorSystem<?> system, ProjectionMonitor monitor, String projectionName, String entityTypeName,
      int tagPartitions, Supplier<Handler<EventEnvelope<E>>> handler) {
    start(system, monitor, projectionName, entityTypeName, tagPartitions,
        Lanes.everyEvent(Grouping.of(system.settings().config()).objectsInParallel()), handler);
  }

  public static <E> void start(
      ActorSystem<?> system, ProjectionMonitor monitor, String projectionName, String entityTypeName,
      int tagPartitions, Lanes lanes, Supplier<Handler<EventEnvelope<E>>> handler) {
    List<String> tags = IntStream.range(0, tagPartitions)
        .mapToObj(i -> Tagging.tagFor(entityTypeName, i))
        .toList();
    ProjectionStats stats = monitor.register(projectionName, tags);
    ParkedEvents parked = monitor.parkedEvents();
    Grouping grouping = Grouping.of(system.settings().config());
    Supplier<Handler<List<EventEnvelope<E>>>> grouped = () -> {
      Handler<List<EventEnvelope<E>>> objects = new ObjectsInParallel<>(new MonitoredHandler<>(
          new ParkingHandler<>(handler.get(), projectionName, parked, stats, Duration.ofMillis(500), Delay.on(system)),
          stats), lanes.objectsInParallel());
      return lanes.newestEventOnly() ? new NewestEventPerObject<>(objects, stats) : objects;
    };
    ShardedDaemonProcess.get(system).init(
        ProjectionBehavior.Command.class,
        projectionName,
        tags.size(),
        i -> ProjectionBehavior.create(projection(system, projectionName, tags.get(i), grouping, grouped)),
        ShardedDaemonProcessSettings.create(system),
        Optional.of(ProjectionBehavior.stopMessage()));
  }

  /**
   * How a group's events reach the handler: up to {@code objectsInParallel} objects at a time, and
   * either every event of an object in order or only its newest one, for handlers whose work on the
   * newest event covers the earlier ones (a view row written from the newest event's figures).
   */
  public record Lanes(int objectsInParallel, boolean newestEventOnly) {
    public static Lanes everyEvent(int objectsInParallel) {
      return new Lanes(objectsInParallel, false);
    }

    public static Lanes newestEventPerObject(int objectsInParallel) {
      return new Lanes(objectsInParallel, true);
    }
  }

  private static <E> org.apache.pekko.projection.Projection<EventEnvelope<E>> projection(
      ActorSystem<?> system, String projectionName, String tag, Grouping grouping,
      Supplier<Handler<List<EventEnvelope<E>>>> handler) {
    SourceProvider<Offset, EventEnvelope<E>> events =
        EventSourcedProvider.eventsByTag(system, CassandraReadJournal.Identifier(), tag);
    return CassandraProjection.groupedWithin(ProjectionId.of(projectionName, tag), events, handler)
        .withGroup(grouping.maxEvents(), grouping.within())
        .withRecoveryStrategy(HandlerRecoveryStrategy.retryAndFail(3, Duration.ofSeconds(1)))
        .withRestartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2);
  }

  /** {@code plantsync.projections.group}: how events are grouped and how many objects run at once. */
  record Grouping(int maxEvents, Duration within, int objectsInParallel) {
    static Grouping of(com.typesafe.config.Config config) {
      return new Grouping(config.getInt("plantsync.projections.group.max-events"),
          config.getDuration("plantsync.projections.group.within"),
          config.getInt("plantsync.projections.group.objects-in-parallel"));
    }
  }
}
