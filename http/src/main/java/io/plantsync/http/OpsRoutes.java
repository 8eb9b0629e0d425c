package io.plantsync.http;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import io.plantsync.aggregates.common.ErrorCode;
import io.plantsync.http.auth.Adapter;
import io.plantsync.http.commands.ObjectKeys;
import io.plantsync.http.problem.ProblemResponses;
import io.plantsync.projections.monitoring.ProjectionMonitor;
import io.plantsync.projections.monitoring.ProjectionStats;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.plantsync.projections.monitoring.BacklogProbe;
import io.plantsync.projections.outbound.delivery.SubscriberStats;
import io.plantsync.projections.views.ConsistencyCheck;
import io.plantsync.projections.views.ViewRebuild;
import io.plantsync.http.problem.FieldError;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * PlantSync's operations API ({@code /v1/ops/...}), for OPERATOR adapters only: src/docs/contract.md
 * gives that kind the operations surface (sync status, dead letters, replay, consistency checks, view
 * rebuilds).
 */
public final class OpsRoutes extends AllDirectives {


  /** The sync status of this node: every projection's throughput, lag, backlog and parked events. */
  public record SyncStatus(Instant at, List<ProjectionStatus> projections, List<SubscriberStats.Snapshot> subscribers) {}

  /**
   * One projection's figures on this node, and its cluster-wide backlog (null, with the reason in
   * {@code backlogUnknown}, when Cassandra could not be asked).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ProjectionStatus(
      @JsonUnwrapped ProjectionStats.Snapshot figures, Long backlog, Boolean backlogAtLeast, String backlogUnknown) {}

  /**
   * How long the status waits for the backlog counts: under heavy load Cassandra scans a long
   * backlog slowly, and an operator needs the lags then most (W4 at 750/s: no answer within 20 s).
   */
  static final Duration BACKLOG_BUDGET = Duration.ofSeconds(5);

  private final Function<Function<Adapter, Route>, Route> authenticated;
  private final ProjectionMonitor monitor;
  private final BacklogProbe backlog;
  private final ConsistencyCheck consistency;
  private final Supplier<CompletionStage<List<SubscriberStats.Snapshot>>> outbound;
  private final ViewRebuild rebuild;

  public OpsRoutes(Function<Function<Adapter, Route>, Route> authenticated, ProjectionMonitor monitor,
      BacklogProbe backlog, ConsistencyCheck consistency,
      Supplier<CompletionStage<List<SubscriberStats.Snapshot>>> outbound, ViewRebuild rebuild) {
    this.authenticated = authenticated;
    this.monitor = monitor;
    this.backlog = backlog;
    this.consistency = consistency;
    this.outbound = outbound;
    this.rebuild = rebuild;
  }

  private CompletionStage<SyncStatus> syncStatus() {
    CompletionStage<List<ProjectionStatus>> all = CompletableFuture.completedFuture(List.of());
    for (ProjectionStats.Snapshot figures : monitor.snapshots()) {
      var status = backlog.backlog(figures.projection(), monitor.tagsOf(figures.projection()), BACKLOG_BUDGET)
          .handle((b, failure) -> failure == null
              ? new ProjectionStatus(figures, b.events(), b.atLeast(), null)
              : new ProjectionStatus(figures, null, null, failure.getMessage()));
      all = all.thenCombine(status, (list, one) -> {
        List<ProjectionStatus> more = new ArrayList<>(list);
        more.add(one);
        return more;
      });
    }
    return all.thenCombine(outbound.get(), (projections, subscribers) ->
        new SyncStatus(Instant.now(), projections, subscribers));
  }

  public Route routes() {
    return concat(
        path(segment("v1").slash("ops").slash("sync-status"), () -> get(() ->
            authenticated.apply(adapter -> Operators.only(adapter, () -> answer(syncStatus()))))),
        path(segment("v1").slash("ops").slash("consistency"), () -> get(() ->
            authenticated.apply(adapter -> Operators.only(adapter, () ->
                requiredKey("plant", plant -> adapter.mayActOn(plant)
                    ? answer(consistency.check(plant))
                    : complete(ProblemResponses.of(ErrorCode.PLANT_NOT_ALLOWED,
                        "adapter " + adapter.id() + " may not read plant " + plant))))))),
        path(segment("v1").slash("ops").slash("parked-events"), () -> get(() ->
            authenticated.apply(adapter -> Operators.only(adapter, () ->
                requiredKey("projection", projection -> answer(monitor.parkedEvents().list(projection))))))),
        path(segment("v1").slash("ops").slash("views").slash(segment()).slash("rebuild"), view ->
            authenticated.apply(adapter -> Operators.only(adapter, () -> knownView(view, () -> concat(
                post(() -> answer(rebuild.start(view), StatusCodes.ACCEPTED)),
                get(() -> answer(rebuild.progress(view)))))))));
  }

  private Route knownView(String view, Supplier<Route> inner) {
    if (ViewRebuild.isView(view)) return inner.get();
    return complete(ProblemResponses.of(ErrorCode.UNKNOWN_OBJECT, "no view is called " + view + "; the views are "
        + ViewRebuild.views()));
  }

  /** A required query parameter of key syntax; missing or malformed is 400 naming it. */
  private Route requiredKey(String name, Function<String, Route> inner) {
    return parameterOptional(name, value -> value.filter(ObjectKeys::isValid)
        .map(inner)
        .orElseGet(() -> complete(ProblemResponses.invalid(List.of(
            new FieldError("/" + name, "is required and " + ObjectKeys.RULE))))));
  }

  /** Cassandra or an object not answering in time is 503, as everywhere in the API, never a 500. */
  private Route answer(CompletionStage<?> result) {
    return answer(result, StatusCodes.OK);
  }

  private Route answer(CompletionStage<?> result, StatusCode status) {
    return onComplete(result, outcome -> outcome.isSuccess()
        ? json(outcome.get(), status)
        : complete(ProblemResponses.unavailable("could not be read in time: " + outcome.failed().get().getMessage(),
            Duration.ofSeconds(5))));
  }

  private Route json(Object body, StatusCode status) {
    return complete(HttpResponse.create().withStatus(status)
        .withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, Json.write(body))));
  }
}
