package io.plantsync.projections.monitoring;

import io.plantsync.projections.parking.ParkedEvents;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The figures of every projection running on this node and its parked events, for the operations API. */
public final class ProjectionMonitor {

  private final ConcurrentMap<String, ProjectionStats> stats = new ConcurrentHashMap<>();
  private final ParkedEvents parkedEvents;

  public ProjectionMonitor(ParkedEvents parkedEvents) {
    this.parkedEvents = parkedEvents;
  }

  /** Where this node's projections park the events they cannot handle. */
  public ParkedEvents parkedEvents() {
    return parkedEvents;
  }

  public ProjectionStats statsFor(String projection) {
    return stats.computeIfAbsent(projection, ProjectionStats::new);
  }

  public List<ProjectionStats.Snapshot> snapshots() {
    return stats.values().stream().map(ProjectionStats::snapshot)
        .sorted(Comparator.comparing(ProjectionStats.Snapshot::projection)).toList();
  }
}
