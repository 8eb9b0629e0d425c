package io.plantsync.http.problem;

import io.plantsync.aggregates.common.ErrorCode;

/** HTTP status and human title of each product error code (src/docs/contract.md, "Error codes"). */
public record ProblemKind(int status, String title) {

  public static ProblemKind of(ErrorCode code) {
    return switch (code) {
      case INVALID_REQUEST -> new ProblemKind(400, "The request is invalid");
      case UNAUTHENTICATED -> new ProblemKind(401, "Authentication required");
      case NOT_SYSTEM_OF_RECORD -> new ProblemKind(403, "This adapter is not the system of record for the command");
      case PLANT_NOT_ALLOWED -> new ProblemKind(403, "This adapter may not act on the plant");
      case UNKNOWN_OBJECT -> new ProblemKind(404, "The object does not exist");
      case INVALID_TRANSITION -> new ProblemKind(409, "The object's status does not allow the command");
      case OBJECT_ON_HOLD -> new ProblemKind(409, "The object is under a quality hold");
      case PAYLOAD_TOO_LARGE -> new ProblemKind(413, "The request body is too large");
      case INSUFFICIENT_STOCK -> new ProblemKind(422, "Not enough stock");
      case RESERVATION_EXCEEDED -> new ProblemKind(422, "The issue exceeds the reservation's open quantity");
      case UOM_MISMATCH -> new ProblemKind(422, "The unit of measure does not match");
      case QUANTITY_BELOW_CONFIRMED -> new ProblemKind(422, "The quantity is below the confirmed yield");
      case UNAVAILABLE -> new ProblemKind(503, "The object could not answer in time");
    };
  }
}
