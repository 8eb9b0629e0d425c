package io.plantsync.projections.views;

import io.plantsync.aggregates.common.Dispatched;
import io.plantsync.projections.ProjectionStore;
import io.plantsync.projections.StoreSession;
import io.plantsync.projections.monitoring.BacklogProbe;
import io.plantsync.projections.monitoring.ProjectionMonitor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.javadsl.ProjectionManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds a view from the journal: empties its table, then clears the stored offset of each of its
 * tag projections, which makes each stop, forget its offset and start again from its tag's first
 * event, wherever in the cluster it runs (Pekko's ProjectionManagement). Rows are written with their
 * object's version as timestamp, so a row the projection writes between the truncate and its
 * restart (a newer version) stays, and the replay only fills in. Until the rebuild has caught up the
 * view answers from what is replayed so far; {@link #progress} says how far that is.
 */
public final class ViewRebuild {

  private static final Logger log = LoggerFactory.getLogger(ViewRebuild.class);
  private static final Duration BACKLOG_BUDGET = Duration.ofSeconds(5);

  /** The table of each view, by the view's (projection's) name. */
  static final Map<String, String> TABLES = Map.of(
      Views.PRODUCTION_ORDER_VIEW, ViewTables.PRODUCTION_ORDERS,
      Views.INVENTORY_LOT_VIEW, ViewTables.INVENTORY_LOTS,
      Views.QUALITY_HOLD_VIEW, ViewTables.QUALITY_HOLDS);

  /**
   * How far one tag of a view's projection is: when the newest event it stored as handled was
   * written (null before it handled any) and how many of the tag's events are not handled yet
   * ({@code backlogAtLeast} when that is a lower bound: no stored offset, or more than 48 hours behind).
   */
  public record TagProgress(String tag, Instant handledUpTo, long backlog, boolean backlogAtLeast) {
    /** Past where it was before the rebuild (nothing to reach if it had handled nothing) with nothing left. */
    public boolean reached(TagProgress before) {
      if (before.handledUpTo == null) return backlog == 0;
      return handledUpTo != null && !handledUpTo.isBefore(before.handledUpTo) && backlog == 0 && !backlogAtLeast;
    }
  }

  /** A view's progress, tag by tag. */
  public record Progress(String view, Instant at, List<TagProgress> tags) {}

  private final ActorSystem<?> system;
  private final StoreSession session;
  private final String keyspace;
  private final ProjectionMonitor monitor;
  private final BacklogProbe backlog;

  public ViewRebuild(ActorSystem<?> system, ProjectionMonitor monitor, BacklogProbe backlog) {
    this.system = system;
    this.session = ProjectionStore.session(system);
    this.keyspace = ProjectionStore.keyspace(system);
    this.monitor = monitor;
    this.backlog = backlog;
  }

  public static boolean isView(String name) {
    return TABLES.containsKey(name);
  }

  /** The names of the views, sorted. */
  public static List<String> views() {
    return TABLES.keySet().stream().sorted().toList();
  }

  /**
   * Starts the rebuild of {@code view} (one of {@link #TABLES}) and answers its progress as it was
   * right before: the rebuild has caught up once every tag has {@link TagProgress#reached} that.
   */
  public CompletionStage<Progress> start(String view) {
    List<String> tags = tagsOf(view);
    return progress(view).thenCompose(before -> {
      log.warn("Rebuilding view {} from the journal: its table is emptied and its {} tag projections start from "
          + "their first event", view, tags.size());
      CompletionStage<Done> cleared = session.executeDDL("TRUNCATE " + keyspace + "." + TABLES.get(view));
      for (String tag : tags) {
        cleared = cleared.thenCompose(done ->
            Dispatched.on(system, ProjectionManagement.get(system).clearOffset(ProjectionId.of(view, tag))));
      }
      return cleared.thenApply(done -> before);
    });
  }

  /** Where each tag of the view's projection is now (one offset read and a backlog count per tag). */
  public CompletionStage<Progress> progress(String view) {
    CompletionStage<List<TagProgress>> all = CompletableFuture.completedFuture(List.of());
    for (String tag : tagsOf(view)) {
      all = all.thenCompose(list -> backlog.ofTag(view, tag, BACKLOG_BUDGET)
          .thenApply(one -> new TagProgress(tag, one.handledUpTo(), one.backlog().events(), one.backlog().atLeast()))
          .thenApply(one -> {
            List<TagProgress> more = new ArrayList<>(list);
            more.add(one);
            return more;
          }));
    }
    return all.thenApply(tags -> new Progress(view, Instant.now(), tags));
  }

  private List<String> tagsOf(String view) {
    if (!isView(view)) throw new IllegalArgumentException("no view is called " + view);
    return monitor.tagsOf(view);
  }
}
