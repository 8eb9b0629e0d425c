package io.plantsync.projections;

import io.plantsync.projections.exceptions.BusinessExceptionTable;
import io.plantsync.projections.outbound.delivery.CassandraDeadLetters;
import io.plantsync.projections.parking.CassandraParkedEvents;
import io.plantsync.projections.views.ViewTables;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * The tables PlantSync's projections own (beside Pekko's offset store). Created on start only in
 * dev and test; production applies the same statements from src/docs/cassandra-schema.cql.
 */
public final class ProjectionTables {
  private ProjectionTables() {}

  public static List<String> statements(String keyspace) {
    List<String> all = new ArrayList<>(List.of(CassandraParkedEvents.createTable(keyspace)));
    all.addAll(ViewTables.createStatements(keyspace));
    all.add(BusinessExceptionTable.createTable(keyspace));
    all.addAll(CassandraDeadLetters.createTables(keyspace));
    return all;
  }

  public static CompletionStage<Done> create(ActorSystem<?> system) {
    var session = ProjectionStore.session(system);
    String keyspace = ProjectionStore.keyspace(system);
    CompletionStage<Done> done = CompletableFuture.completedFuture(Done.getInstance());
    for (String statement : statements(keyspace)) {
      done = done.thenCompose(previous -> session.executeDDL(statement));
    }
    return done;
  }
}
