package io.plantsync.http.commands;

import io.plantsync.aggregates.common.CommandReply;
import io.plantsync.aggregates.common.ObjectKey;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;

/** A valid envelope turned into the message for one entity. */
public record ParsedCommand<C>(
    CommandSpec<C> spec, String messageId, ObjectKey target, Function<ActorRef<CommandReply>, C> message) {

  public String plant() {
    return target.plant();
  }

  public String entityId() {
    return target.entityId();
  }
}
