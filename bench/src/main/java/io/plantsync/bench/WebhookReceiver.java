package io.plantsync.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;

/**
 * W4's subscriber: a tiny HTTP server on loopback that accepts every delivery (204) and records its
 * lag, from the event's {@code time} (when PlantSync recorded it) to its arrival here. Signatures
 * are not checked: OutboundIT does that; here only the cost of delivering counts.
 */
final class WebhookReceiver implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final Recorder lagMillis = new Recorder(TimeUnit.HOURS.toMillis(1), 3);
  private final AtomicLong received = new AtomicLong();
  private final String secret;

  WebhookReceiver() throws IOException {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    secret = "whsec_" + Base64.getEncoder().encodeToString(key);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
    server.createContext("/events", exchange -> {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      Instant time = eventTime(new String(body, StandardCharsets.UTF_8));
      if (time != null) {
        lagMillis.recordValue(Math.max(0, Math.min(TimeUnit.HOURS.toMillis(1), System.currentTimeMillis() - time.toEpochMilli())));
      }
      received.incrementAndGet();
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    server.setExecutor(executor);
    server.start();
  }

  /** The CloudEvent's {@code time} attribute, found without parsing the whole body. */
  static Instant eventTime(String body) {
    int key = body.indexOf("\"time\":\"");
    if (key < 0) return null;
    int from = key + 8;
    int to = body.indexOf('"', from);
    return to < 0 ? null : Instant.parse(body.substring(from, to));
  }

  /** The node's subscriber configuration as system properties (a list through numeric keys). */
  Map<String, String> subscriberProperties() {
    String prefix = "plantsync.outbound.subscribers.0.";
    return Map.of(prefix + "name", "bench", prefix + "kind", "ANALYTICS",
        prefix + "url", "http://127.0.0.1:" + server.getAddress().getPort() + "/events", prefix + "secret", secret);
  }

  long received() {
    return received.get();
  }

  /** Lags recorded since the last call (milliseconds). */
  org.HdrHistogram.Histogram lagsSinceLastCall() {
    return lagMillis.getIntervalHistogram();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
