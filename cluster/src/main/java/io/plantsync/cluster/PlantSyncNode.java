package io.plantsync.cluster;

import com.typesafe.config.Config;
import io.plantsync.aggregates.AggregateSettings;
import io.plantsync.aggregates.inventorylot.InventoryLot;
import io.plantsync.aggregates.productionorder.ProductionOrder;
import io.plantsync.aggregates.qualityhold.QualityHold;
import io.plantsync.cluster.metrics.NodeMetrics;
import io.plantsync.http.ApiRoutes;
import io.plantsync.projections.ProjectionTables;
import io.plantsync.projections.exceptions.CassandraBusinessExceptionLog;
import io.plantsync.projections.monitoring.BacklogGauges;
import io.plantsync.projections.monitoring.BacklogProbe;
import io.plantsync.projections.outbound.delivery.CassandraDeadLetters;
import io.plantsync.projections.outbound.delivery.Outbound;
import io.plantsync.projections.outbound.delivery.Subscriber;
import io.plantsync.projections.monitoring.ProjectionMonitor;
import io.plantsync.projections.parking.CassandraParkedEvents;
import io.plantsync.projections.orchestration.Orchestration;
import io.plantsync.projections.views.ViewRebuild;
import io.plantsync.projections.views.Views;
import io.plantsync.http.ConnectionGuard;
import io.plantsync.http.HttpServer;
import io.plantsync.http.HttpSettings;
import io.plantsync.http.OpsRoutes;
import io.plantsync.http.OutboundRoutes;
import io.plantsync.http.ShardedEntityGateway;
import io.plantsync.http.ViewRoutes;
import io.plantsync.http.commands.CommandCatalog;
import io.plantsync.http.commands.EnvelopeParser;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.BootstrapSetup;
import org.apache.pekko.actor.setup.ActorSystemSetup;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.management.cluster.bootstrap.ClusterBootstrap;
import org.apache.pekko.management.javadsl.PekkoManagement;
import org.apache.pekko.projection.cassandra.javadsl.CassandraProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One PlantSync node: cluster membership, sharded entities, orchestration projections, Pekko
 * Management and the adapter API.
 * Shutdown is coordinated: the HTTP binding stops taking requests and drains, shard regions hand
 * off their entities, then the Cassandra session closes with the actor system.
 */
public final class PlantSyncNode {

  private static final Logger log = LoggerFactory.getLogger(PlantSyncNode.class);

  private final ActorSystem<Void> system;
  private final ServerBinding binding;

  private PlantSyncNode(ActorSystem<Void> system, ServerBinding binding) {
    this.system = system;
    this.binding = binding;
  }

  /** Starts the node and returns once the adapter API is bound (readiness follows shortly). */
  public static PlantSyncNode start(Config config, Duration bindTimeout) throws Exception {
    // A first start on a busy machine creates the schema while Cassandra is still warming up.
    Duration schemaTimeout = bindTimeout.multipliedBy(2);
    NodeSettings node = NodeSettings.fromConfig(config);
    Config effective = SeedNodes.apply(CassandraContactPoints.apply(config, node.cassandraContactPoints()));
    AggregateSettings aggregates = AggregateSettings.fromConfig(effective);
    HttpSettings http = HttpSettings.fromConfig(effective);

    NodeMetrics metrics = new NodeMetrics();
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), SeedNodes.SYSTEM_NAME,
        ActorSystemSetup.create(BootstrapSetup.create(effective)).and(metrics.setup()));
    metrics.closeWhenTerminated(system);
    try {
      if (node.joinSelf() && effective.getStringList("pekko.cluster.seed-nodes").isEmpty()) {
        Cluster cluster = Cluster.get(system);
        cluster.manager().tell(Join.create(cluster.selfMember().address()));
      }
      ProductionOrder.init(system, aggregates);
      InventoryLot.init(system, aggregates);
      QualityHold.init(system, aggregates);
      if (effective.getBoolean("plantsync.projections.create-tables")) {
        StartStep.await("Creating the projection offset tables", CassandraProjection.createTablesIfNotExists(system),
            schemaTimeout);
        StartStep.await("Creating the view and delivery tables", ProjectionTables.create(system), schemaTimeout);
      }
      ProjectionMonitor monitor = new ProjectionMonitor(new CassandraParkedEvents(system), metrics.registry());
      Orchestration.start(system, monitor, aggregates);
      Views.start(system, monitor, aggregates);
      Outbound outbound = Outbound.start(system, monitor, aggregates, Subscriber.fromConfig(effective),
          new CassandraDeadLetters(system));
      BacklogProbe backlog = new BacklogProbe(system);
      BacklogGauges.register(metrics.registry(), monitor, backlog);
      StartStep.await("Binding the management port", PekkoManagement.get(system).start(), bindTimeout);
      // After management is bound: bootstrap finds its own contact point among the discovered ones.
      if (node.bootstrap()) ClusterBootstrap.get(system).start();

      var exceptions = new CassandraBusinessExceptionLog(system);
      var api = new ApiRoutes(http, http.adapterRegistry(),
          new EnvelopeParser(CommandCatalog.canonical()),
          new ShardedEntityGateway(system, http.askTimeout()), exceptions, metrics.registry());
      var routes = api.routes(List.of(new OpsRoutes(api::authenticated, monitor, backlog,
          Views.consistencyCheck(system), outbound::status, new ViewRebuild(system, monitor, backlog)).routes(),
          new ViewRoutes(api::authenticated, http, Views.queries(system), exceptions).routes(),
          new OutboundRoutes(api::authenticated, outbound.operations()).routes()));
      ConnectionGuard.get(system).registerMeters(metrics.registry());
      ServerBinding binding = StartStep.await("Binding the adapter API on " + http.host() + ":" + http.port(),
          HttpServer.start(system, http, routes), bindTimeout);
      log.info("Adapter API listening on {}", binding.localAddress());
      return new PlantSyncNode(system, binding);
    } catch (Exception e) {
      log.error("PlantSync node did not start, stopping it: {}", e.getMessage());
      system.terminate();
      throw e;
    }
  }

  public ActorSystem<Void> system() {
    return system;
  }

  public InetSocketAddress httpAddress() {
    return binding.localAddress();
  }

  /** Runs coordinated shutdown and waits for the actor system to terminate. */
  public void stop(Duration timeout) throws Exception {
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public CompletableFuture<org.apache.pekko.Done> whenTerminated() {
    return system.getWhenTerminated().toCompletableFuture();
  }
}
