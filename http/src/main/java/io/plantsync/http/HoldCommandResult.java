package io.plantsync.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.plantsync.aggregates.common.CommandReply.Accepted;
import io.plantsync.aggregates.qualityhold.LotRef;
import java.util.List;

/**
 * The 200 body of {@code quality-hold.place}, {@code extend} and {@code release}: a {@link CommandResult}
 * plus whether the hold's current status is in force on every lot and order of its scope. When it is
 * not, {@code pending} names the objects that did not confirm in time (the orchestration completes
 * them) and {@code detail} says why.
 */
public record HoldCommandResult(
    String outcome,
    boolean duplicate,
    long objectVersion,
    List<String> events,
    boolean inForce,
    Pending pending,
    @JsonInclude(JsonInclude.Include.NON_NULL) String detail) {

  /** Objects of the scope that have not confirmed the hold's current status, in scope order. */
  public record Pending(List<LotRef> lots, List<String> orders) {
    public static final Pending NONE = new Pending(List.of(), List.of());

    public int size() {
      return lots.size() + orders.size();
    }
  }

  static HoldCommandResult inForce(Accepted accepted) {
    return of(accepted, true, Pending.NONE, null);
  }

  static HoldCommandResult notInForce(Accepted accepted, Pending pending, String detail) {
    return of(accepted, false, pending, detail);
  }

  private static HoldCommandResult of(Accepted accepted, boolean inForce, Pending pending, String detail) {
    CommandResult result = CommandResult.of(accepted);
    return new HoldCommandResult(result.outcome(), result.duplicate(), result.objectVersion(), result.events(),
        inForce, pending, detail);
  }
}
