package io.plantsync.http.problem;

import io.plantsync.aggregates.common.ErrorCode;
import io.plantsync.http.Json;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.HttpCharsets;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.model.headers.RetryAfter;

/** Builds {@code application/problem+json} responses. */
public final class ProblemResponses {
  private ProblemResponses() {}

  public static final ContentType PROBLEM_JSON =
      MediaTypes.applicationWithFixedCharset("problem+json", HttpCharsets.UTF_8).toContentType();

  public static HttpResponse of(Problem problem) {
    return HttpResponse.create()
        .withStatus(problem.status())
        .withEntity(HttpEntities.create(PROBLEM_JSON, Json.write(problem)));
  }

  public static HttpResponse of(ErrorCode code, String detail) {
    return of(Problem.of(code, detail));
  }

  public static HttpResponse invalid(List<FieldError> errors) {
    return of(Problem.invalid(errors));
  }

  public static HttpResponse unauthenticated() {
    return of(Problem.of(ErrorCode.UNAUTHENTICATED, "A valid bearer token is required."))
        .addHeader(RawHeader.create("WWW-Authenticate", "Bearer"));
  }

  public static HttpResponse unavailable(String detail, Duration retryAfter) {
    return withRetryAfter(of(Problem.of(ErrorCode.UNAVAILABLE, detail)), retryAfter);
  }

  public static HttpResponse withRetryAfter(HttpResponse response, Duration retryAfter) {
    return response.addHeader(RetryAfter.create(Math.max(1, retryAfter.toSeconds())));
  }
}
