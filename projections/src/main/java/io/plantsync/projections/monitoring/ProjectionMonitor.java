package io.plantsync.projections.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import io.plantsync.projections.parking.ParkedEvents;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The figures of every projection running on this node and its parked events, for the operations API
 * and the node's meters.
 */
public final class ProjectionMonitor {

  private final ConcurrentMap<String, ProjectionStats> stats = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, List<String>> tagsByProjection = new ConcurrentHashMap<>();
  private final ParkedEvents parkedEvents;
  private final MeterRegistry registry;

  public ProjectionMonitor(ParkedEvents parkedEvents, MeterRegistry registry) {
    this.parkedEvents = parkedEvents;
    this.registry = registry;
  }

  /** Where this node's projections park the events they cannot handle. */
  public ParkedEvents parkedEvents() {
    return parkedEvents;
  }

  /** Registers a projection and the tags it reads; its figures start empty. */
  public ProjectionStats register(String projection, List<String> tags) {
    tagsByProjection.put(projection, List.copyOf(tags));
    return statsFor(projection);
  }

  public ProjectionStats statsFor(String projection) {
    return stats.computeIfAbsent(projection, name -> new ProjectionStats(name, registry));
  }

  public List<String> tagsOf(String projection) {
    return tagsByProjection.getOrDefault(projection, List.of());
  }

  public List<ProjectionStats.Snapshot> snapshots() {
    return stats.values().stream().map(ProjectionStats::snapshot)
        .sorted(Comparator.comparing(ProjectionStats.Snapshot::projection)).toList();
  }
}
