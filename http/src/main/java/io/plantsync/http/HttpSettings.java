package io.plantsync.http;

import com.typesafe.config.Config;
import io.plantsync.aggregates.governance.AdapterKind;
import io.plantsync.http.auth.Adapter;
import io.plantsync.http.auth.AdapterRegistry;
import io.plantsync.http.auth.AdapterRegistry.Registration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The adapter API's settings, read once from {@code plantsync.http} and {@code plantsync.adapters}.
 * Adapters carry {@code token-sha256}; a plain {@code token} is accepted only when
 * {@code plantsync.http.allow-plain-tokens} is on (dev and test profiles), so production config
 * never holds a usable secret.
 */
public record HttpSettings(
    String host,
    int port,
    Duration askTimeout,
    Duration retryAfter,
    Duration bodyTimeout,
    long maxCommandBytes,
    long maxBatchBytes,
    int maxBatchLines,
    int batchParallelism,
    int maxCommandsInFlight,
    Duration holdConfirmationTimeout,
    int holdConfirmationParallelism,
    List<Registration> adapters,
    Map<String, String> plainTokens) {

  public static HttpSettings fromConfig(Config config) {
    Config http = config.getConfig("plantsync.http");
    boolean allowPlain = http.getBoolean("allow-plain-tokens");
    List<Registration> registrations = new ArrayList<>();
    Map<String, String> plainTokens = new java.util.LinkedHashMap<>();
    var seenIds = new HashSet<String>();
    for (Config a : config.getConfigList("plantsync.adapters")) {
      String id = a.getString("id");
      if (!seenIds.add(id)) throw new IllegalArgumentException("plantsync.adapters: duplicate adapter id " + id);
      AdapterKind kind = parseKind(id, a.getString("kind"));
      Adapter adapter = new Adapter(id, kind, new HashSet<>(a.getStringList("plants")));
      byte[] hash;
      if (a.hasPath("token-sha256")) {
        hash = HexFormat.of().parseHex(a.getString("token-sha256").toLowerCase());
        if (hash.length != 32) throw new IllegalArgumentException("adapter " + id + ": token-sha256 must be 64 hex digits");
      } else if (a.hasPath("token")) {
        if (!allowPlain) {
          throw new IllegalArgumentException("adapter " + id + " has a plain token, which is allowed only in dev/test "
              + "profiles; configure token-sha256 (see README: 'Adapter tokens')");
        }
        hash = AdapterRegistry.sha256(a.getString("token"));
        plainTokens.put(id, a.getString("token"));
      } else {
        throw new IllegalArgumentException("adapter " + id + " needs token-sha256");
      }
      registrations.add(new Registration(adapter, hash));
    }
    return new HttpSettings(
        http.getString("host"),
        http.getInt("port"),
        http.getDuration("ask-timeout"),
        http.getDuration("retry-after"),
        http.getDuration("body-timeout"),
        http.getBytes("max-command-bytes"),
        http.getBytes("max-batch-bytes"),
        http.getInt("max-batch-lines"),
        http.getInt("batch-parallelism"),
        http.getInt("max-commands-in-flight"),
        http.getDuration("hold-confirmation-timeout"),
        http.getInt("hold-confirmation-parallelism"),
        registrations,
        plainTokens);
  }

  private static AdapterKind parseKind(String id, String kind) {
    try {
      return AdapterKind.valueOf(kind);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("adapter " + id + ": unknown kind " + kind + "; one of "
          + java.util.Arrays.toString(AdapterKind.values()));
    }
  }

  public AdapterRegistry adapterRegistry() {
    return new AdapterRegistry(adapters);
  }
}
