package io.plantsync.http.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.plantsync.aggregates.common.ErrorCode;
import java.util.List;

/** An RFC 9457 problem details body with the product's {@code code}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String code, List<FieldError> errors) {

  public static Problem of(ErrorCode code, String detail) {
    return of(code, detail, List.of());
  }

  /** A protocol-level problem (unknown path, wrong method or media type) outside the product codes. */
  public static Problem protocol(int status, String code, String title, String detail) {
    return new Problem("urn:plantsync:problem:" + code, title, status, detail, code, List.of());
  }

  public static Problem of(ErrorCode code, String detail, List<FieldError> errors) {
    ProblemKind kind = ProblemKind.of(code);
    return new Problem("urn:plantsync:problem:" + code.code(), kind.title(), kind.status(), detail, code.code(),
        List.copyOf(errors));
  }
}
