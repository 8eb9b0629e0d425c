package io.plantsync.http;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.plantsync.http.commands.CommandCatalog;
import io.plantsync.http.commands.EnvelopeParser;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.http.javadsl.server.Route;

/** The adapter API bound on a free loopback port, with any gateway standing in for the entities. */
final class TestServer implements AutoCloseable {

  static final Config CONFIG = ConfigFactory.parseString("""
      pekko.actor.provider = local
      plantsync.http { host = "127.0.0.1", port = 0, allow-plain-tokens = true, max-command-bytes = 4KiB,
                       max-batch-bytes = 64KiB, max-batch-lines = 20, batch-parallelism = 4,
                       max-commands-in-flight = 8, body-timeout = 1s }
      plantsync.adapters = [
        { id = "planning", kind = PLANNING, plants = ["*"], token = "planning-token" }
        { id = "mes-2000", kind = MES, plants = ["2000"], token = "mes-2000-token" }
        { id = "erp", kind = ERP, plants = ["*"], token = "erp-token" }
        { id = "wms", kind = WMS, plants = ["*"], token = "wms-token" }
        { id = "qms", kind = QMS, plants = ["*"], token = "qms-token" }
      ]""").withFallback(ConfigFactory.load());

  /** Builds the routes under test from the test settings. */
  interface Routes {
    Route build(HttpSettings settings);
  }

  final ActorSystem<Void> system;
  final URI base;

  /** The adapter API alone, with {@code gateway} standing in for the entities. */
  TestServer(EntityGateway gateway) throws Exception {
    this(settings -> api(settings, gateway).routes());
  }

  TestServer(Routes routes) throws Exception {
    this(routes, ConfigFactory.empty());
  }

  /** The adapter API with {@code overrides} on top of the test settings (e.g. connection limits). */
  TestServer(EntityGateway gateway, Config overrides) throws Exception {
    this(settings -> api(settings, gateway).routes(), overrides);
  }

  private TestServer(Routes routes, Config overrides) throws Exception {
    Config config = overrides.withFallback(CONFIG);
    system = ActorSystem.create(Behaviors.empty(), "routes", config);
    HttpSettings settings = HttpSettings.fromConfig(config);
    var binding = HttpServer.start(system, settings, routes.build(settings)).toCompletableFuture().get(10, TimeUnit.SECONDS);
    base = URI.create("http://127.0.0.1:" + binding.localAddress().getPort());
  }

  /** The adapter API as a node builds it, with no business exception log and meters of its own. */
  static ApiRoutes api(HttpSettings settings, EntityGateway gateway) {
    return new ApiRoutes(settings, settings.adapterRegistry(), parser(), gateway, new NoBusinessExceptions(),
        new SimpleMeterRegistry());
  }

  static EnvelopeParser parser() {
    return new EnvelopeParser(CommandCatalog.canonical());
  }

  @Override
  public void close() {
    system.terminate();
  }
}
