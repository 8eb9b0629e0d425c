package io.plantsync.http;

import io.plantsync.aggregates.common.CommandReply.Accepted;
import java.util.List;

/** The 200 body of a command: applied or stale, and whether it repeated an earlier message. */
public record CommandResult(String outcome, boolean duplicate, long objectVersion, List<String> events) {
  public static CommandResult of(Accepted accepted) {
    return new CommandResult(accepted.outcome().name().toLowerCase(), accepted.duplicate(),
        accepted.objectVersion(), accepted.events());
  }
}
