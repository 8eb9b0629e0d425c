package io.plantsync.cluster.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.plantsync.aggregates.observability.PlantSyncMetrics;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.management.javadsl.ManagementRouteProvider;
import org.apache.pekko.management.javadsl.ManagementRouteProviderSettings;

/**
 * {@code GET /metrics} on the management port (management.conf, {@code pekko.management.http.routes}):
 * the node's registry in the Prometheus text format, or OpenMetrics when the scraper asks for it.
 * Read-only, like every management route.
 */
public final class MetricsRoute extends AllDirectives implements ManagementRouteProvider {

  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
  static final String OPEN_METRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";

  private final MeterRegistry registry;

  /** Pekko Management creates it with the actor system when it starts. */
  public MetricsRoute(ExtendedActorSystem system) {
    this.registry = PlantSyncMetrics.get(Adapter.toTyped(system)).registry();
  }

  @Override
  public Route routes(ManagementRouteProviderSettings settings) {
    return path("metrics", () -> get(() -> optionalHeaderValueByName("Accept", this::scrape)));
  }

  private Route scrape(Optional<String> accept) {
    if (!(registry instanceof PrometheusMeterRegistry prometheus)) {
      return complete(StatusCodes.NOT_FOUND, "this node exports no metrics");
    }
    String contentType = accept.filter(a -> a.contains("application/openmetrics-text")).isPresent()
        ? OPEN_METRICS : PROMETHEUS_TEXT;
    byte[] body = prometheus.scrape(contentType).getBytes(StandardCharsets.UTF_8);
    return complete(HttpResponse.create().withEntity(HttpEntities.create(ContentTypes.parse(contentType), body)));
  }
}
