package io.plantsync.http;

import io.plantsync.aggregates.common.Dispatched;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * Binds the adapter API; every connection goes through the {@link ConnectionGuard} (at most
 * max-connections open, a share per client). The binding takes part in coordinated shutdown
 * (drains, then unbinds).
 */
public final class HttpServer {
  private HttpServer() {}

  public static CompletionStage<ServerBinding> start(ActorSystem<?> system, HttpSettings settings, Route routes) {
    ConnectionGuard guard = ConnectionGuard.get(system);
    Materializer materializer = Materializer.matFromSystem(system);
    var handler = routes.flow(system);
    // What bind(routes) does, with the guard deciding per connection.
    return Dispatched.on(system, Http.get(system).newServerAt(settings.host(), settings.port()).connectionSource()
        .mapAsyncUnordered(guard.maxConnections(), connection -> guard.serve(connection, handler, materializer))
        .to(Sink.ignore())
        .run(materializer))
        .thenApply(binding -> binding.addToCoordinatedShutdown(Duration.ofSeconds(10), system));
  }
}
