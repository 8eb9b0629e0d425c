package io.plantsync.http;

import io.plantsync.aggregates.common.ErrorCode;
import io.plantsync.http.problem.FieldError;
import io.plantsync.http.problem.ParserProblems;
import io.plantsync.http.problem.Problem;
import io.plantsync.http.problem.ProblemResponses;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.headers.Connection;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Directives;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.MalformedRequestContentRejection;
import org.apache.pekko.http.javadsl.server.MethodRejection;
import org.apache.pekko.http.javadsl.server.RejectionHandler;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.scaladsl.model.EntityStreamException;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;
import org.apache.pekko.stream.StreamTcpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every answer the API gives outside a route's own, as problem+json: nothing leaks as plain text. */
final class ErrorHandling {
  private ErrorHandling() {}

  private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

  static Route wrap(AllDirectives directives, Duration retryAfter, Route inner) {
    return directives.withRequestTimeoutResponse(request -> requestTimedOut(retryAfter),
        () -> directives.handleExceptions(exceptions(),
            () -> directives.handleRejections(rejections(), () -> inner)));
  }

  /** 408, and the connection closed: a client that trickles its body gets no more of our time. */
  static HttpResponse bodyTimedOut(Duration bodyTimeout) {
    return ProblemResponses.of(Problem.protocol(408, "request-timeout", "The request did not arrive in time",
            "The body did not arrive whole within " + bodyTimeout.toSeconds() + " s of the headers."))
        .addHeader(Connection.create("close"));
  }

  /**
   * Past {@code pekko.http.server.request-timeout} (a route that did not answer at all, which the
   * ask timeouts should prevent): the outcome is unknown, so 503 with Retry-After like any other.
   */
  static HttpResponse requestTimedOut(Duration retryAfter) {
    return ProblemResponses.unavailable(
        "The request was not answered within the node's request timeout; retry with the same messageId.",
        retryAfter);
  }

  static HttpResponse unsupportedMediaType(String expected) {
    return ProblemResponses.of(Problem.protocol(415, "unsupported-media-type", "Unsupported media type",
        "Content-Type must be " + expected));
  }

  static HttpResponse unsupportedEncoding(String encoding) {
    return ProblemResponses.of(Problem.protocol(415, "unsupported-media-type", "Unsupported content encoding",
        "Content-Encoding " + encoding + " is not accepted; send the body uncompressed"));
  }

  private static HttpResponse tooLarge(EntityStreamSizeException e) {
    return ProblemResponses.of(ErrorCode.PAYLOAD_TOO_LARGE,
        "the body exceeds the limit of " + e.limit() + " bytes");
  }

  private static ExceptionHandler exceptions() {
    return ExceptionHandler.newBuilder()
        .match(EntityStreamSizeException.class, e -> Directives.complete(tooLarge(e)))
        // The client reset or closed its connection mid-body: routine on a plant network, and
        // nobody is left to read the answer, so no ERROR per connection.
        .match(StreamTcpException.class, e -> clientGone(e))
        .match(EntityStreamException.class, e -> clientGone(e))
        .matchAny(e -> {
          log.error("Unexpected failure while serving a request", e);
          return Directives.complete(ProblemResponses.of(
              Problem.protocol(500, "internal-error", "Internal error", "An unexpected error occurred; it was logged.")));
        })
        .build();
  }

  private static Route clientGone(Exception e) {
    log.debug("A client went away before its request was read whole: {}", e.getMessage());
    return Directives.complete(
        ProblemResponses.of(ParserProblems.problemFor(400, "the body ended before it was complete")));
  }

  private static RejectionHandler rejections() {
    return RejectionHandler.newBuilder()
        .handle(MalformedRequestContentRejection.class, r ->
            r.getCause() instanceof EntityStreamSizeException size
                ? Directives.complete(tooLarge(size))
                : Directives.complete(ProblemResponses.invalid(List.of(new FieldError("/", r.message())))))
        .handleAll(MethodRejection.class, rs -> Directives.complete(ProblemResponses.of(Problem.protocol(405,
            "method-not-allowed", "Method not allowed",
            "allowed: " + rs.stream().map(m -> m.supported().name()).distinct().toList()))))
        .handleNotFound(Directives.complete(ProblemResponses.of(Problem.protocol(404, "unknown-path",
            "Unknown path", "No resource at this path; see /v1/openapi.yaml"))))
        .build()
        .withFallback(RejectionHandler.defaultHandler())
        .mapRejectionResponse(ErrorHandling::asProblem);
  }

  /** Pekko's default rejection answers are plain text; give them the problem+json shape. */
  private static HttpResponse asProblem(HttpResponse response) {
    if (response.entity().getContentType().equals(ProblemResponses.PROBLEM_JSON)) return response;
    String detail = response.entity() instanceof HttpEntity.Strict strict
        ? strict.getData().decodeString(StandardCharsets.UTF_8) : response.status().reason();
    int status = response.status().intValue();
    String code = status == 415 ? "unsupported-media-type" : "http-" + status;
    return ProblemResponses.of(Problem.protocol(status, code, response.status().reason(), detail))
        .withHeaders(response.getHeaders());
  }
}
