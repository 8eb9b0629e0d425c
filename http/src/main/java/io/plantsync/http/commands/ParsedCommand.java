package io.plantsync.http.commands;

import io.plantsync.aggregates.common.CommandReply;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;

/** A valid envelope turned into the message for one entity. */
public record ParsedCommand<C>(
    CommandSpec<C> spec, String messageId, String plant, String entityId,
    Function<ActorRef<CommandReply>, C> message) {}
