package io.plantsync.http;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import io.plantsync.aggregates.common.ErrorCode;
import io.plantsync.aggregates.productionorder.OrderStatus;
import io.plantsync.aggregates.qualityhold.HoldStatus;
import io.plantsync.http.auth.Adapter;
import io.plantsync.http.commands.ObjectKeys;
import io.plantsync.http.problem.FieldError;
import io.plantsync.http.problem.ProblemResponses;
import io.plantsync.projections.exceptions.BusinessExceptionLog;
import io.plantsync.projections.views.ViewQueries;
import io.plantsync.projections.views.ViewQueries.InvalidPageToken;
import io.plantsync.projections.views.ViewQueries.Page;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The query views ({@code GET /v1/views/...}): plant-scoped like the object reads, answered from
 * the view tables through {@link ViewQueries}, one page at a time. Parameters are checked strictly
 * (an unknown or repeated one is 400), so a typo never silently widens a query. The exceptions
 * view lists the plant's rejected commands from the {@link BusinessExceptionLog}, newest first.
 */
public final class ViewRoutes extends AllDirectives {

  private static final Logger log = LoggerFactory.getLogger(ViewRoutes.class);
  private static final int MAX_PAGE_TOKEN_LENGTH = 4096;

  /** The one optional narrowing parameter of a view (status or material) and what it accepts. */
  private record Filter(String name, Predicate<String> valid, String rule) {
    static Filter oneOf(String name, Enum<?>[] values) {
      List<String> names = Arrays.stream(values).map(Enum::name).toList();
      return new Filter(name, names::contains, "must be one of " + String.join(", ", names));
    }
  }

  /** A checked view request. */
  private record Query(String plant, Optional<String> filter, int limit, Optional<String> pageToken) {}

  private static final Filter ORDER_STATUS = Filter.oneOf("status", OrderStatus.values());
  private static final Filter HOLD_STATUS = Filter.oneOf("status", HoldStatus.values());
  private static final Filter MATERIAL = new Filter("material", ObjectKeys::isValid, ObjectKeys.RULE);
  private static final Filter SINCE = new Filter("since", ViewRoutes::recent,
      "must be an RFC 3339 time (e.g. 2026-11-27T00:00:00Z) at most " + BusinessExceptionLog.MAX_LOOK_BACK.toDays()
          + " days ago");
  /** Exceptions are listed from this long ago when {@code since} is not given. */
  private static final Duration DEFAULT_SINCE = Duration.ofHours(24);

  private final Function<Function<Adapter, Route>, Route> authenticated;
  private final HttpSettings settings;
  private final ViewQueries queries;
  private final BusinessExceptionLog exceptions;

  public ViewRoutes(Function<Function<Adapter, Route>, Route> authenticated, HttpSettings settings,
      ViewQueries queries, BusinessExceptionLog exceptions) {
    this.authenticated = authenticated;
    this.settings = settings;
    this.queries = queries;
    this.exceptions = exceptions;
  }

  public Route routes() {
    List<Route> views = List.of(
        view("production-orders", ORDER_STATUS, q ->
            queries.productionOrders(q.plant(), q.filter().map(OrderStatus::valueOf), q.limit(), q.pageToken())),
        view("inventory-positions", MATERIAL, q ->
            queries.inventoryPositions(q.plant(), q.filter(), q.limit(), q.pageToken())),
        view("quality-holds", HOLD_STATUS, q ->
            queries.qualityHolds(q.plant(), q.filter().map(HoldStatus::valueOf), q.limit(), q.pageToken())),
        view("exceptions", SINCE, q -> exceptions.query(q.plant(),
            q.filter().map(ViewRoutes::instant).orElseGet(() -> Instant.now().minus(DEFAULT_SINCE)), q.limit(),
            q.pageToken())));
    return pathPrefix(segment("v1").slash("views"), () -> views.stream().reduce(Route::orElse).orElseThrow());
  }

  private Route view(String name, Filter filter, Function<Query, CompletionStage<? extends Page<?>>> query) {
    return path(name, () -> get(() -> authenticated.apply(adapter -> parameterList(parameters -> {
      List<FieldError> errors = new ArrayList<>();
      Query checked = check(parameters, filter, errors);
      if (!errors.isEmpty()) return complete(ProblemResponses.invalid(errors));
      if (!adapter.mayActOn(checked.plant())) {
        return complete(ProblemResponses.of(ErrorCode.PLANT_NOT_ALLOWED,
            "adapter " + adapter.id() + " may not read plant " + checked.plant()));
      }
      return onComplete(query.apply(checked), result -> result.isSuccess()
          ? complete(HttpResponse.create().withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON,
              Json.write(result.get()))))
          : complete(failure(name, checked, result.failed().get())));
    }))));
  }

  private static Query check(List<Map.Entry<String, String>> parameters, Filter filter, List<FieldError> errors) {
    List<String> allowed = List.of("plant", filter.name(), "limit", "pageToken");
    Map<String, String> values = new HashMap<>();
    for (Map.Entry<String, String> parameter : parameters) {
      if (!allowed.contains(parameter.getKey())) {
        errors.add(new FieldError("/" + parameter.getKey(), "is not a parameter of this view; allowed: " + allowed));
      } else if (values.putIfAbsent(parameter.getKey(), parameter.getValue()) != null) {
        errors.add(new FieldError("/" + parameter.getKey(), "must be given once"));
      }
    }
    String plant = values.get("plant");
    if (plant == null) {
      errors.add(new FieldError("/plant", "is required"));
    } else if (!ObjectKeys.isValid(plant)) {
      errors.add(new FieldError("/plant", ObjectKeys.RULE));
    }
    Optional<String> narrowed = Optional.ofNullable(values.get(filter.name()));
    if (narrowed.isPresent() && !filter.valid().test(narrowed.get())) {
      errors.add(new FieldError("/" + filter.name(), filter.rule()));
    }
    int limit = ViewQueries.DEFAULT_LIMIT;
    if (values.containsKey("limit")) {
      limit = parseLimit(values.get("limit"));
      if (limit < 1) errors.add(new FieldError("/limit", "must be an integer from 1 to " + ViewQueries.MAX_LIMIT));
    }
    Optional<String> pageToken = Optional.ofNullable(values.get("pageToken"));
    if (pageToken.isPresent() && (pageToken.get().isEmpty() || pageToken.get().length() > MAX_PAGE_TOKEN_LENGTH)) {
      errors.add(new FieldError("/pageToken", "must be a nextPageToken of an earlier answer"));
    }
    return new Query(plant, narrowed, limit, pageToken);
  }

  /** An RFC 3339 time no further back than the exception log looks. */
  private static boolean recent(String text) {
    try {
      return !instant(text).isBefore(Instant.now().minus(BusinessExceptionLog.MAX_LOOK_BACK));
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static Instant instant(String text) {
    return OffsetDateTime.parse(text).toInstant();
  }

  /** The limit, or -1 when it is not an integer from 1 to the maximum. */
  private static int parseLimit(String text) {
    try {
      int limit = Integer.parseInt(text);
      return limit >= 1 && limit <= ViewQueries.MAX_LIMIT ? limit : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private HttpResponse failure(String view, Query query, Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    if (cause instanceof InvalidPageToken invalid) {
      return ProblemResponses.invalid(List.of(new FieldError("/pageToken", invalid.getMessage())));
    }
    log.warn("View {} of plant {} could not be read: {}", view, query.plant(), cause.toString());
    return ProblemResponses.unavailable("the " + view + " view could not be read in time", settings.retryAfter());
  }
}
