package io.plantsync.http;

import com.typesafe.config.Config;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.plantsync.aggregates.common.Dispatched;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.AbstractExtensionId;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.Extension;
import org.apache.pekko.http.javadsl.IncomingConnection;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.BidiFlow;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The adapter API's connections: at most {@code pekko.http.server.max-connections} open, and at most
 * {@code plantsync.http.max-connections-per-client} from one client address, so that one client
 * (a misbehaving adapter, a flood of idle connections) cannot take every connection and lock the
 * other adapters out. A connection over its client's share is closed at once; one that delivers no
 * request head within {@code plantsync.http.request-arrival-timeout} is closed
 * ({@link RequestArrivalTimeout}). Readiness reports the
 * node as not ready while every connection is taken ({@link ConnectionCapacityCheck}), so a load
 * balancer sends new clients elsewhere (failure mode FM-hostile-request).
 */
public final class ConnectionGuard implements Extension {

  private static final Logger log = LoggerFactory.getLogger(ConnectionGuard.class);

  private final int maxConnections;
  private final int maxPerClient;
  private final Duration requestTimeout;
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicLong refused = new AtomicLong();
  private final Map<InetAddress, AtomicInteger> perClient = new ConcurrentHashMap<>();

  ConnectionGuard(Config config) {
    this.maxConnections = config.getInt("pekko.http.server.max-connections");
    this.maxPerClient = config.getInt("plantsync.http.max-connections-per-client");
    this.requestTimeout = config.getDuration("plantsync.http.request-arrival-timeout");
  }

  public static ConnectionGuard get(ClassicActorSystemProvider system) {
    return Id.INSTANCE.get(system.classicSystem());
  }

  public int maxConnections() {
    return maxConnections;
  }

  /** Connections open now. */
  public int open() {
    return open.get();
  }

  /** Connections closed at once because their client had its share open, since the node started. */
  public long refused() {
    return refused.get();
  }

  /** True while every connection the node takes is open: a new client would wait in the accept queue. */
  public boolean atCapacity() {
    return open.get() >= maxConnections;
  }

  /** {@code plantsync_http_connections_open} and {@code plantsync_http_connections_refused_total}. */
  public void registerMeters(MeterRegistry registry) {
    Gauge.builder("plantsync.http.connections.open", this, ConnectionGuard::open)
        .description("Adapter API connections open (at most pekko.http.server.max-connections)")
        .register(registry);
    FunctionCounter.builder("plantsync.http.connections.refused", this,
            ConnectionGuard::refused)
        .description("Connections closed at once: their client had max-connections-per-client open")
        .register(registry);
  }

  /** Serves {@code connection} with {@code handler}, or closes it; completes when it is closed. */
  CompletionStage<Done> serve(IncomingConnection connection, Flow<HttpRequest, HttpResponse, NotUsed> handler,
      Materializer materializer) {
    InetAddress client = connection.remoteAddress().getAddress();
    AtomicInteger ofClient = perClient.computeIfAbsent(client, c -> new AtomicInteger());
    if (ofClient.incrementAndGet() > maxPerClient && maxPerClient > 0) {
      release(client, ofClient);
      long refusedSoFar = refused.incrementAndGet();
      if (refusedSoFar % 100 == 1) {
        log.warn("Closed a connection from {}: it has {} open, the most one client may have "
            + "(plantsync.http.max-connections-per-client); {} refused so far", client.getHostAddress(),
            maxPerClient, refusedSoFar);
      }
      connection.handleWith(Flow.fromSinkAndSource(Sink.cancelled(), Source.empty()), materializer);
      return CompletableFuture.completedFuture(Done.getInstance());
    }
    open.incrementAndGet();
    CompletionStage<Done> closed;
    try {
      var timed = BidiFlow.fromGraph(new RequestArrivalTimeout(requestTimeout)).join(handler);
      closed = Dispatched.on(materializer.executionContext(),
          connection.flow().watchTermination(Keep.right()).joinMat(timed, Keep.left()).run(materializer));
    } catch (RuntimeException notStarted) {
      closed = CompletableFuture.failedFuture(notStarted);
    }
    // A connection that ends in an error (reset, a request the parser refused) is one client's
    // business: it must not fail the stream of all connections, which would unbind the API.
    return closed.handle((done, error) -> {
      open.decrementAndGet();
      release(client, ofClient);
      return Done.getInstance();
    });
  }

  private void release(InetAddress client, AtomicInteger ofClient) {
    if (ofClient.decrementAndGet() <= 0) perClient.remove(client, ofClient);
  }

  static final class Id extends AbstractExtensionId<ConnectionGuard> {
    static final Id INSTANCE = new Id();

    @Override
    public ConnectionGuard createExtension(ExtendedActorSystem system) {
      return new ConnectionGuard(system.settings().config());
    }
  }
}
