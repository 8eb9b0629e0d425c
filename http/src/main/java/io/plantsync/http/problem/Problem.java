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

  /** 400 invalid-request naming every invalid field. */
  public static Problem invalid(List<FieldError> errors) {
    String detail = errors.size() == 1
        ? errors.get(0).pointer() + " " + errors.get(0).message()
        : errors.size() + " fields are invalid";
    return of(ErrorCode.INVALID_REQUEST, detail, errors);
  }

  public static Problem of(ErrorCode code, String detail, List<FieldError> errors) {
    ProblemKind kind = ProblemKind.of(code);
    return new Problem("urn:plantsync:problem:" + code.code(), kind.title(), kind.status(), detail, code.code(),
        List.copyOf(errors));
  }
}
