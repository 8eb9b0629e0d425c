package io.plantsync.http.problem;

import io.plantsync.aggregates.common.ErrorCode;
import java.util.regex.Pattern;
import org.apache.pekko.event.LoggingAdapter;
import org.apache.pekko.http.ParsingErrorHandler;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.scaladsl.model.ErrorInfo;
import org.apache.pekko.http.scaladsl.model.StatusCode;
import org.apache.pekko.http.scaladsl.settings.ServerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers what Pekko HTTP's own parser refuses before any route sees it (a malformed request line or
 * header, a URI or header over its limit, an unknown method or HTTP version) as problem+json with a
 * code from src/docs/contract.md, instead of Pekko's plain text. Configured as
 * {@code pekko.http.server.parsing.error-handler}; Pekko creates it with the no-argument constructor.
 */
public final class ParserProblems extends ParsingErrorHandler {

  private static final Logger log = LoggerFactory.getLogger(ParserProblems.class);
  private static final int MAX_DETAIL = 200;
  private static final Pattern HTTP2_PREFACE = Pattern.compile("\\bPRI\\b");

  @Override
  public HttpResponse handle(StatusCode status, ErrorInfo error, LoggingAdapter unused, ServerSettings settings) {
    Problem problem = problemFor(statusOf(status.intValue(), error), detailOf(error));
    // Not WARN: a client's garbage is the client's problem, and one per request would flood the log.
    log.debug("Refused a request the HTTP parser could not read: {} {}", problem.status(), problem.code());
    return ProblemResponses.of(problem);
  }

  /**
   * Pekko answers too many headers with 400, too long a header with 431; both are the header limits
   * of the contract, so both are 431 (RFC 6585: "Request Header Fields Too Large").
   */
  private static int statusOf(int status, ErrorInfo error) {
    String summary = String.valueOf(error.summary());
    boolean tooManyHeaders = summary.contains("configured limit") && summary.contains("headers");
    if (status == 400 && tooManyHeaders) return 431;
    // An HTTP/2 client's preface starts "PRI * HTTP/2.0": Pekko sees an unknown method, the client
    // needs to hear that the version is the problem.
    boolean http2Preface = HTTP2_PREFACE.matcher(summary + " " + error.detail()).find();
    return status == 501 && http2Preface ? 505 : status;
  }

  /** The problem for a parser refusal with {@code status}. */
  public static Problem problemFor(int status, String detail) {
    return switch (status) {
      case 413 -> Problem.of(ErrorCode.PAYLOAD_TOO_LARGE, detail);
      case 414 -> Problem.protocol(414, "uri-too-long", "The request URI is too long", detail);
      case 431 -> Problem.protocol(431, "headers-too-large", "The request headers are too large", detail);
      case 501 -> Problem.protocol(501, "method-not-implemented", "The HTTP method is not supported", detail);
      case 505 -> Problem.protocol(505, "http-version-not-supported", "Only HTTP/1.0 and HTTP/1.1 are served",
          detail);
      default -> Problem.protocol(status, "malformed-http", "The request is not valid HTTP", detail);
    };
  }

  /**
   * The parser's summary up to its first ": " (what follows may quote the request line or a header
   * value, a token among them), short and without control characters.
   */
  static String detailOf(ErrorInfo error) {
    String summary = error.summary() == null || error.summary().isBlank() ? "malformed request" : error.summary();
    int quote = summary.indexOf(": ");
    String printable = (quote > 0 ? summary.substring(0, quote) : summary).replaceAll("\\p{Cntrl}", "?");
    return printable.length() <= MAX_DETAIL ? printable : printable.substring(0, MAX_DETAIL) + "...";
  }
}
