package io.plantsync.projections.monitoring;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code plantsync_projection_backlog_events{projection}}: the cluster-wide backlog of every
 * projection registered so far, counted by the {@link BacklogProbe} as in the sync status, at most
 * every 30 s and only while scraped ({@link CachedReadings}).
 */
public final class BacklogGauges {
  private BacklogGauges() {}

  public static void register(MeterRegistry registry, ProjectionMonitor monitor, BacklogProbe probe) {
    var projections = monitor.snapshots().stream().map(ProjectionStats.Snapshot::projection).toList();
    CachedReadings.registerGauges(registry, "plantsync.projection.backlog.events",
        "Events written to the projection's tags after its stored offsets, cluster-wide (at most 48 h back); "
            + "refreshed at most every 30 s while scraped, NaN if unknown",
        "projection", projections,
        projection -> probe.backlog(projection, monitor.tagsOf(projection), CachedReadings.INTERVAL).thenApply(BacklogProbe.Backlog::events));
  }
}
