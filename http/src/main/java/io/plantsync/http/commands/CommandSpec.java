package io.plantsync.http.commands;

import io.plantsync.aggregates.common.CommandReply;
import io.plantsync.aggregates.common.Origin;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;

/**
 * How one command type travels: which object it targets, which entity type answers it, and how
 * its {@code data} becomes the entity's command.
 */
public record CommandSpec<C>(String type, ObjectKind objectKind, EntityTypeKey<C> entityType, DataReader<C> reader) {

  /** Reads {@code data}; returns null when {@code data.errors()} got entries. */
  @FunctionalInterface
  public interface DataReader<C> {
    Function<ActorRef<CommandReply>, C> read(Fields data, Origin origin);
  }
}
