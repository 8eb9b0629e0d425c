package io.plantsync.cluster.tools;

import io.plantsync.http.Json;
import io.plantsync.projections.views.ViewRebuild.Progress;
import io.plantsync.projections.views.ViewRebuild.TagProgress;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code bin/plantsync views rebuild <view>}: asks a running node to rebuild one view from the journal
 * ({@code POST /v1/ops/views/<view>/rebuild}) and prints its progress every few seconds until it has
 * caught up. Needs an OPERATOR token; the defaults are {@code bin/plantsync dev}'s address and token.
 */
public final class RebuildView {
  private RebuildView() {}

  static final String USAGE = """
      usage: bin/plantsync views rebuild <view> [--api http://127.0.0.1:8080] [--token <OPERATOR token>]
        <view>   production-order-view, inventory-lot-view or quality-hold-view
        --api    the adapter API of any node (default http://127.0.0.1:8080, or PLANTSYNC_API)
        --token  an OPERATOR adapter's token (default bin/plantsync dev's, or PLANTSYNC_TOKEN)
      The view is emptied and refilled from every event of the journal; until the rebuild has caught
      up, reads of the view answer from what is replayed so far.""";

  private static final Duration EVERY = Duration.ofSeconds(3);

  public static void main(String[] args) throws Exception {
    if (args.length < 2 || !args[0].equals("rebuild")) fail("");
    String view = args[1];
    String api = env("PLANTSYNC_API", "http://127.0.0.1:8080");
    String token = env("PLANTSYNC_TOKEN", "dev-operator-token");
    for (int i = 2; i < args.length; i++) {
      if (args[i].equals("--api") && i + 1 < args.length) api = args[++i];
      else if (args[i].equals("--token") && i + 1 < args.length) token = args[++i];
      else fail("unknown option " + args[i]);
    }
    System.exit(run(api.replaceAll("/+$", ""), view, token));
  }

  /** Starts the rebuild and reports until every tag is past where it was before; 0 once it has caught up. */
  public static int run(String api, String view, String token) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    URI uri = URI.create(api + "/v1/ops/views/" + view + "/rebuild");
    Instant started = Instant.now();
    HttpResponse<String> answer;
    try {
      answer = http.send(request(uri, token).POST(HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      System.err.println("No PlantSync node answers at " + api + " (start one with bin/plantsync dev, or pass --api)");
      return 1;
    }
    if (answer.statusCode() != 202) return refused(answer);
    Map<String, TagProgress> before = tags(answer.body());
    System.out.println("Rebuilding " + view + " from the journal: its table was emptied and its " + before.size()
        + " tag projections start again from their first event");
    while (true) {
      Thread.sleep(EVERY.toMillis());
      answer = http.send(request(uri, token).GET().build(), HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) return refused(answer);
      Map<String, TagProgress> now = tags(answer.body());
      long reached = before.keySet().stream().filter(tag -> now.get(tag).reached(before.get(tag))).count();
      System.out.println("  " + describe(now.values(), reached, Duration.between(started, Instant.now())));
      if (reached == before.size()) {
        System.out.println(view + " rebuilt in " + seconds(Duration.between(started, Instant.now())));
        return 0;
      }
    }
  }

  static String describe(Collection<TagProgress> tags, long reached, Duration elapsed) {
    long backlog = tags.stream().mapToLong(TagProgress::backlog).sum();
    boolean atLeast = tags.stream().anyMatch(TagProgress::backlogAtLeast);
    Instant upTo = tags.stream().map(TagProgress::handledUpTo).filter(Objects::nonNull).min(Instant::compareTo)
        .orElse(null);
    return seconds(elapsed) + ": " + reached + " of " + tags.size() + " tags caught up, "
        + (atLeast && backlog > 0 ? "at least " : "") + String.format("%,d", backlog) + " events left"
        + (upTo == null ? "" : ", every tag replayed up to events of " + upTo);
  }

  private static Map<String, TagProgress> tags(String body) throws IOException {
    Map<String, TagProgress> byTag = new LinkedHashMap<>();
    Json.MAPPER.readValue(body, Progress.class).tags().forEach(tag -> byTag.put(tag.tag(), tag));
    return byTag;
  }

  private static HttpRequest.Builder request(URI uri, String token) {
    return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token);
  }

  private static int refused(HttpResponse<String> answer) {
    System.err.println("The node answered " + answer.statusCode() + ": " + answer.body());
    return 1;
  }

  private static String seconds(Duration d) {
    return d.toSeconds() + " s";
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private static void fail(String problem) {
    if (!problem.isEmpty()) System.err.println(problem);
    System.err.println(USAGE);
    System.exit(2);
  }
}
