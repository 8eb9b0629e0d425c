package io.plantsync.http;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import io.plantsync.http.auth.Adapter;
import io.plantsync.http.problem.FieldError;
import io.plantsync.http.problem.ProblemResponses;
import io.plantsync.projections.outbound.delivery.DeadLetterOperations;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Dead letters of outbound sync, for OPERATOR adapters: list a subscriber's, replay one object's
 * (or all) in order, discard one with a reason (kept for audit). {@code object} is the persistence
 * id shown in the list, e.g. {@code ProductionOrder|1000/100234}.
 */
public final class OutboundRoutes extends AllDirectives {

  private final Function<Function<Adapter, Route>, Route> authenticated;
  private final DeadLetterOperations operations;

  public OutboundRoutes(Function<Function<Adapter, Route>, Route> authenticated, DeadLetterOperations operations) {
    this.authenticated = authenticated;
    this.operations = operations;
  }

  public Route routes() {
    return concat(
        path(segment("v1").slash("ops").slash("dead-letters"), () -> get(() -> operator(() ->
            subscriber(name -> parameterOptional("plant", plant -> parameterOptional("object", object ->
                answer(operations.list(name, plant.orElse(null), object.orElse(null))))))))),
        path(segment("v1").slash("ops").slash("dead-letters").slash("replay"), () -> post(() -> operator(() ->
            subscriber(name -> parameterOptional("object", object ->
                answer(operations.replay(name, object.orElse(null)))))))),
        path(segment("v1").slash("ops").slash("dead-letters").slash("discard"), () -> post(() -> operator(() ->
            subscriber(name -> parameterOptional("object", object -> parameterOptional("sequenceNr", seq ->
                parameterOptional("reason", reason -> discard(name, object, seq, reason)))))))));
  }

  private Route discard(String subscriber, Optional<String> object, Optional<String> sequenceNr, Optional<String> reason) {
    Optional<Long> seq = sequenceNr.flatMap(OutboundRoutes::number);
    if (object.isEmpty() || seq.isEmpty() || reason.filter(r -> !r.isBlank()).isEmpty()) {
      return complete(ProblemResponses.invalid(List.of(
          new FieldError("/object", "object, sequenceNr and reason are required to discard a dead letter"))));
    }
    return answer(operations.discard(subscriber, object.get(), seq.get(), reason.get())
        .thenApply(found -> found ? "discarded" : "no such dead letter"));
  }

  private Route operator(java.util.function.Supplier<Route> inner) {
    return authenticated.apply(adapter -> Operators.only(adapter, inner));
  }

  private Route subscriber(Function<String, Route> inner) {
    return parameterOptional("subscriber", name -> name.filter(operations::knows).map(inner)
        .orElseGet(() -> complete(ProblemResponses.invalid(List.of(
            new FieldError("/subscriber", "must name a configured subscriber"))))));
  }

  private Route answer(CompletionStage<?> result) {
    return onComplete(result, outcome -> outcome.isSuccess()
        ? complete(HttpResponse.create().withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON,
            Json.write(outcome.get()))))
        : complete(ProblemResponses.unavailable("could not be done in time: " + outcome.failed().get().getMessage(),
            Duration.ofSeconds(5))));
  }

  private static Optional<Long> number(String text) {
    try {
      return Optional.of(Long.parseLong(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
