package io.plantsync.cluster.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.plantsync.projections.outbound.signing.WebhookSecret;
import io.plantsync.projections.outbound.signing.WebhookVerifier;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A subscriber's endpoint on loopback: verifies every signature, answers with the status a test
 * scripts, and keeps the events it accepted, deduplicated by webhook-id as receivers must.
 */
final class WebhookReceiver implements AutoCloseable {

  record Received(String id, String subject, String type, long receivedAtMillis, JsonNode event) {}

  static final ObjectMapper JSON = new ObjectMapper();

  final String secret;
  private final WebhookVerifier verifier;
  private final HttpServer server;
  private final Map<String, Received> accepted = Collections.synchronizedMap(new LinkedHashMap<>());
  volatile Function<JsonNode, Integer> answer = event -> 204;
  volatile int badSignatures;

  WebhookReceiver() throws Exception {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    secret = WebhookSecret.PREFIX + Base64.getEncoder().encodeToString(key);
    verifier = new WebhookVerifier(WebhookSecret.parse(secret));
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      int status;
      try {
        verifier.verify(exchange.getRequestHeaders().getFirst("webhook-id"),
            exchange.getRequestHeaders().getFirst("webhook-timestamp"),
            exchange.getRequestHeaders().getFirst("webhook-signature"), body);
        JsonNode event = JSON.readTree(body);
        status = answer.apply(event);
        if (status < 300) {
          accepted.putIfAbsent(event.path("id").asText(), new Received(event.path("id").asText(),
              event.path("subject").asText(), event.path("type").asText(), System.currentTimeMillis(), event));
        }
      } catch (RuntimeException e) {
        badSignatures++;
        status = 401;
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    // Several at once, so a receiver told to stall stalls one call, not every subscriber's calls.
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/events";
  }

  /** Accepted events about {@code subject}, in the order they arrived. */
  List<Received> about(String subject) {
    synchronized (accepted) {
      return new ArrayList<>(accepted.values().stream().filter(r -> r.subject().equals(subject)).toList());
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
