package io.plantsync.http;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import io.micrometer.core.instrument.MeterRegistry;
import io.plantsync.aggregates.common.ErrorCode;
import io.plantsync.aggregates.common.ObjectKey;
import io.plantsync.aggregates.observability.LogContext;
import io.plantsync.http.auth.Adapter;
import io.plantsync.http.auth.AdapterRegistry;
import io.plantsync.http.commands.EnvelopeParser;
import io.plantsync.http.commands.ObjectKeys;
import io.plantsync.http.commands.ParsedCommand;
import io.plantsync.http.problem.FieldError;
import io.plantsync.http.problem.Problem;
import io.plantsync.http.problem.ProblemResponses;
import io.plantsync.http.reads.ObjectReads;
import io.plantsync.projections.exceptions.BusinessExceptionLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaType;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.RequestEntity;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The adapter API. Routes translate and delegate: authenticate, parse, check the plant scope, ask
 * the entity, map its reply. Every business rule lives in the entities.
 */
public final class ApiRoutes extends AllDirectives {

  private static final Logger log = LoggerFactory.getLogger(ApiRoutes.class);

  private final HttpSettings settings;
  private final AdapterRegistry adapters;
  private final EnvelopeParser parser;
  private final EntityGateway entities;
  private final CommandMetrics metrics;
  private final CommandExecutor executor;
  private final BatchCommands batch;

  /** Rejections go to {@code exceptions}; commands are counted in the node's {@code meters}. */
  public ApiRoutes(HttpSettings settings, AdapterRegistry adapters, EnvelopeParser parser, EntityGateway entities,
      BusinessExceptionLog exceptions, MeterRegistry meters) {
    this.settings = settings;
    this.adapters = adapters;
    this.parser = parser;
    this.entities = entities;
    this.metrics = new CommandMetrics(meters);
    var holds = new HoldEnforcement(entities, settings.holdConfirmationTimeout(),
        settings.holdConfirmationParallelism(), meters);
    this.executor = new CommandExecutor(entities, exceptions, metrics, holds, settings.maxCommandsInFlight());
    this.batch = new BatchCommands(parser, executor, settings, metrics);
  }

  public Route routes() {
    return routes(List.of());
  }

  /**
   * The adapter API plus further routes (operations, views) that share its authentication and its
   * error handling; {@code more} are tried before the object reads.
   */
  public Route routes(List<Route> more) {
    Route extra = more.stream().reduce(Route::orElse).orElse(reject());
    return ErrorHandling.wrap(this, settings.retryAfter(), concat(
        new ContractRoutes().routes(),
        extra,
        path(segment("v1").slash("commands"), () ->
            post(() -> authenticated(this::command))),
        path(segment("v1").slash("commands:batch"), () ->
            post(() -> authenticated(this::batch))),
        pathPrefix("v1", () -> ObjectReads.ALL.stream().map(this::readRoute).reduce(Route::orElse).orElseThrow())));
  }

  /** The adapter behind the bearer token, or 401 without a hint of what was wrong. */
  public Route authenticated(Function<Adapter, Route> inner) {
    return optionalHeaderValueByName("Authorization", header -> {
      Optional<Adapter> adapter = header
          .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
          .flatMap(h -> adapters.authenticate(h.substring(7).trim()));
      return adapter.map(inner).orElseGet(() -> complete(ProblemResponses.unauthenticated()));
    });
  }

  private Route command(Adapter adapter) {
    return body(settings.maxCommandBytes(), MediaTypes.APPLICATION_JSON, body -> {
      EnvelopeParser.Result parsed = parser.parse(body, adapter);
      if (!parsed.isValid()) {
        LogContext.around(adapter.id(), null, null,
            () -> log.info("Refused invalid command from adapter {}: {}", adapter.id(), parsed.errors()));
        Problem invalid = Problem.invalid(parsed.errors());
        metrics.invalid(adapter, invalid);
        return complete(ProblemResponses.of(invalid));
      }
      return dispatch(adapter, parsed.command());
    });
  }

  private Route batch(Adapter adapter) {
    return body(settings.maxBatchBytes(), BatchCommands.NDJSON, body -> {
      List<byte[]> lines = BatchCommands.split(body);
      if (lines.size() > settings.maxBatchLines()) {
        return complete(ProblemResponses.of(ErrorCode.PAYLOAD_TOO_LARGE,
            lines.size() + " lines; a batch holds at most " + settings.maxBatchLines()));
      }
      return onSuccess(batch.run(adapter, lines), answers -> complete(HttpResponse.create()
          .withEntity(HttpEntities.create(BatchCommands.NDJSON_CONTENT_TYPE, answers))));
    });
  }

  /**
   * The request body, at most {@code maxBytes} (413 before it is read whole), of the given media
   * type (415), and never compressed: a compressed body is refused (415) rather than inflated, so a
   * small upload cannot expand into gigabytes.
   */
  private Route body(long maxBytes, MediaType mediaType, Function<byte[], Route> inner) {
    return optionalHeaderValueByName("Content-Encoding", encoding -> {
      if (encoding.isPresent() && !encoding.get().equalsIgnoreCase("identity")) {
        return complete(ErrorHandling.unsupportedEncoding(encoding.get()));
      }
      return withSizeLimit(maxBytes, () -> extractRequestEntity(entity -> {
        if (!entity.getContentType().mediaType().equals(mediaType)) {
          return complete(ErrorHandling.unsupportedMediaType(mediaType.toString()));
        }
        return wholeBody(entity, inner);
      }));
    });
  }

  /** The body once it arrived whole, or 408 if that took longer than the body timeout. */
  private Route wholeBody(RequestEntity entity, Function<byte[], Route> inner) {
    return extractMaterializer(materializer -> onComplete(
        entity.toStrict(settings.bodyTimeout().toMillis(), materializer), strict -> {
          if (strict.isSuccess()) return inner.apply(strict.get().getData().toArray());
          Throwable failure = strict.failed().get();
          return failure instanceof TimeoutException
              ? complete(ErrorHandling.bodyTimedOut(settings.bodyTimeout()))
              : failWith(failure); // too large: 413 from ErrorHandling
        }));
  }

  private Route dispatch(Adapter adapter, ParsedCommand<?> command) {
    return onSuccess(executor.execute(adapter, command), this::respond);
  }

  private Route respond(CommandExecutor.Answer answer) {
    if (answer.body() instanceof Problem problem) {
      HttpResponse response = ProblemResponses.of(problem);
      return complete(answer.unavailable() ? ProblemResponses.withRetryAfter(response, settings.retryAfter()) : response);
    }
    return completeJson(answer.body());
  }

  /** GET /v1/{path}/{key}/{key}...: the authoritative state, answered by the entity itself. */
  private <M, S> Route readRoute(ObjectReads<M, S> reads) {
    return pathPrefix(reads.path(), () -> extractUnmatchedPath(rest -> {
      // The URL's segments, one per key field; checked one by one so each bad key is named.
      List<String> keys = List.of(rest.startsWith("/") ? rest.substring(1).split("/", -1) : new String[0]);
      if (keys.size() != reads.keyFields().size()) return reject();
      return get(() -> authenticated(adapter -> read(adapter, reads, keys)));
    }));
  }

  private <M, S> Route read(Adapter adapter, ObjectReads<M, S> reads, List<String> keys) {
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      if (!ObjectKeys.isValid(keys.get(i))) {
        errors.add(new FieldError("/" + reads.keyFields().get(i), ObjectKeys.RULE));
      }
    }
    if (!errors.isEmpty()) return complete(ProblemResponses.invalid(errors));
    ObjectKey key = reads.key().of(keys);
    if (!adapter.mayActOn(key.plant())) {
      return complete(ProblemResponses.of(ErrorCode.PLANT_NOT_ALLOWED,
          "adapter " + adapter.id() + " may not read plant " + key.plant()));
    }
    String entityId = key.entityId();
    CompletionStage<S> state = entities.ask(reads.entityType(), entityId, reads.get());
    return onComplete(state, result -> {
      if (result.isFailure()) {
        return complete(ProblemResponses.unavailable(entityId + " did not answer in time", settings.retryAfter()));
      }
      if (!reads.exists().test(result.get())) {
        return complete(ProblemResponses.of(ErrorCode.UNKNOWN_OBJECT, reads.label() + " " + entityId + " does not exist"));
      }
      return completeJson(reads.view().apply(result.get()));
    });
  }

  private Route completeJson(Object body) {
    return complete(HttpResponse.create().withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, Json.write(body))));
  }
}
