package io.plantsync.projections.outbound.delivery;

import com.typesafe.config.Config;
import io.plantsync.aggregates.governance.AdapterKind;
import io.plantsync.projections.outbound.events.DefaultSubscriptions;
import io.plantsync.projections.outbound.events.PublicEventTypes;
import io.plantsync.projections.outbound.signing.WebhookSecret;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A system PlantSync sends public events to: where, signed with which secret, which event types of
 * which plants, and how hard to try. Read from {@code plantsync.outbound.subscribers}; every mistake
 * is reported at start-up with the subscriber's name, never at the first delivery.
 */
public record Subscriber(
    String name, AdapterKind kind, URI url, WebhookSecret secret, Set<String> eventTypes, Set<String> plants,
    int maxAttempts, Duration timeout, Duration firstBackoff, Duration maxBackoff, int maxConnections) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,40}");

  public boolean wants(String eventType, String plant) {
    return eventTypes.contains(eventType) && (plants.contains("*") || plants.contains(plant));
  }

  public static List<Subscriber> fromConfig(Config config) {
    List<Subscriber> subscribers = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Config c : config.getConfigList("plantsync.outbound.subscribers")) {
      Config s = c.withFallback(config.getConfig("plantsync.outbound.subscriber-defaults"));
      String name = s.getString("name");
      if (!NAME.matcher(name).matches()) throw invalid(name, "name must be 1-40 of a-z 0-9 -");
      if (!names.add(name)) throw invalid(name, "the name is used twice");
      AdapterKind kind;
      try {
        kind = AdapterKind.valueOf(s.getString("kind"));
      } catch (IllegalArgumentException e) {
        throw invalid(name, "kind must be one of " + List.of(AdapterKind.values()));
      }
      URI url = URI.create(s.getString("url"));
      if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
        throw invalid(name, "url must be http(s), was " + url);
      }
      WebhookSecret secret;
      try {
        secret = WebhookSecret.parse(s.getString("secret"));
      } catch (IllegalArgumentException e) {
        throw invalid(name, "secret: " + e.getMessage());
      }
      Set<String> types = s.hasPath("event-types") ? Set.copyOf(s.getStringList("event-types"))
          : DefaultSubscriptions.typesFor(kind);
      for (String type : types) {
        if (!PublicEventTypes.ALL.contains(type)) throw invalid(name, "unknown event type " + type);
      }
      int attempts = s.getInt("max-attempts");
      if (attempts < 1) throw invalid(name, "max-attempts must be >= 1");
      int connections = s.getInt("max-connections");
      if (connections < 1) throw invalid(name, "max-connections must be >= 1");
      subscribers.add(new Subscriber(name, kind, url, secret, types, Set.copyOf(s.getStringList("plants")),
          attempts, s.getDuration("timeout"), s.getDuration("first-backoff"), s.getDuration("max-backoff"), connections));
    }
    return List.copyOf(subscribers);
  }

  private static IllegalArgumentException invalid(String subscriber, String problem) {
    return new IllegalArgumentException("plantsync.outbound.subscribers: subscriber '" + subscriber + "': " + problem);
  }
}
