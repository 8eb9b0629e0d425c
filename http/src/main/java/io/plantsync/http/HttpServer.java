package io.plantsync.http;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.server.Route;

/** Binds the adapter API; the binding takes part in coordinated shutdown (drains, then unbinds). */
public final class HttpServer {
  private HttpServer() {}

  public static CompletionStage<ServerBinding> start(ActorSystem<?> system, HttpSettings settings, Route routes) {
    return Http.get(system)
        .newServerAt(settings.host(), settings.port())
        .bind(routes)
        .thenApply(binding -> binding.addToCoordinatedShutdown(Duration.ofSeconds(10), system));
  }
}
