package io.plantsync.cluster.it;

import static io.plantsync.cluster.it.Envelopes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What Prometheus scrapes from a real node's management port after an adapter's applied, duplicate,
 * refused and invalid commands and one event delivered to a subscriber on its second attempt: the
 * families of src/docs/operations.md ("Metrics"), with bounded labels only.
 */
@ExtendWith(SharedCassandra.class)
class MetricsIT {

  /** One sample of the text format: {@code name{label="value",...} value}. */
  record Sample(String name, Map<String, String> labels, double value) {}

  static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)");
  static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
  static final HttpClient http = HttpClient.newHttpClient();

  static WebhookReceiver receiver;
  static TestNode node;
  static ApiClient api;
  static final AtomicInteger calls = new AtomicInteger();
  static final String order = "MX-" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  static void startNode() throws Exception {
    receiver = new WebhookReceiver();
    receiver.answer = event -> calls.incrementAndGet() == 1 ? 503 : 204;
    node = TestNode.start(SharedCassandra.node(), Map.of("plantsync.outbound.subscribers", List.of(Map.of(
        "name", "metrics", "kind", "ANALYTICS", "url", receiver.url(), "secret", receiver.secret,
        "plants", List.of("1000"), "event-types", List.of("io.plantsync.production-order.planned.v1"),
        "first-backoff", "100ms", "max-backoff", "1s", "timeout", "2s"))));
    api = new ApiClient(node.baseUri());
  }

  @AfterAll
  static void stopNode() throws Exception {
    if (node != null) node.close();
    if (receiver != null) receiver.close();
  }

  static HttpResponse<String> scrape(String accept) throws Exception {
    var request = HttpRequest.newBuilder(node.managementUri("/metrics")).timeout(Duration.ofSeconds(10));
    if (accept != null) request.header("Accept", accept);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static List<Sample> samples(String exposition) {
    List<Sample> samples = new ArrayList<>();
    for (String line : exposition.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList()) {
      Matcher sample = SAMPLE.matcher(line);
      assertThat(sample.matches()).as(line).isTrue();
      Map<String, String> labels = new LinkedHashMap<>();
      if (sample.group(2) != null) {
        Matcher label = LABEL.matcher(sample.group(2));
        while (label.find()) labels.put(label.group(1), label.group(2));
      }
      samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
    }
    return samples;
  }

  /** The value of the one sample with this name and at least these labels. */
  static double value(List<Sample> samples, String name, String... labels) {
    List<Sample> found = samples.stream().filter(s -> s.name().equals(name)).filter(s -> {
      for (int i = 0; i < labels.length; i += 2) {
        if (!labels[i + 1].equals(s.labels().get(labels[i]))) return false;
      }
      return true;
    }).toList();
    assertThat(found).as(name + " " + List.of(labels)).hasSize(1);
    return found.get(0).value();
  }

  @Test
  void commandsEntitiesProjectionsOutboundAndTheJvmAreScrapedWithBoundedLabels() throws Exception {
    String planning = "dev-planning-token";
    assertThat(api.command(planning, plan("MP-" + order, "1000", order, "10", 1)).status()).isEqualTo(200);
    assertThat(api.command(planning, plan("MP-" + order, "1000", order, "10", 1)).body().path("duplicate").asBoolean())
        .isTrue();
    assertThat(api.command("dev-mes-1000-token", release("MR-" + order, "1000", order)).code())
        .isEqualTo("not-system-of-record");
    assertThat(api.command(planning, "{\"messageId\": \"MI-" + order + "\"}").status()).isEqualTo(400);

    // The event reaches the subscriber on its second attempt; the backlog is counted on a later scrape.
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      List<Sample> now = samples(scrape(null).body());
      assertThat(value(now, "plantsync_outbound_deliveries_total", "subscriber", "metrics")).isGreaterThanOrEqualTo(1);
      assertThat(value(now, "plantsync_projection_events_total", "projection", "production-order-view"))
          .isGreaterThanOrEqualTo(1);
      assertThat(value(now, "plantsync_projection_backlog_events", "projection", "production-order-view")).isNotNaN();
    });

    HttpResponse<String> response = scrape(null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).get().asString()
        .startsWith("text/plain; version=0.0.4").containsIgnoringCase("charset=utf-8");
    List<Sample> all = samples(response.body());

    String plan = "production-order.plan";
    assertThat(value(all, "plantsync_commands_total", "command_type", plan, "outcome", "applied",
        "error_code", "none", "adapter_kind", "PLANNING")).isEqualTo(1);
    assertThat(value(all, "plantsync_commands_total", "command_type", plan, "outcome", "duplicate",
        "adapter_kind", "PLANNING")).isEqualTo(1);
    assertThat(value(all, "plantsync_commands_total", "command_type", "production-order.release",
        "outcome", "rejected", "error_code", "not-system-of-record", "adapter_kind", "MES")).isEqualTo(1);
    assertThat(value(all, "plantsync_commands_total", "command_type", "unknown", "outcome", "invalid",
        "error_code", "invalid-request", "adapter_kind", "PLANNING")).isEqualTo(1);
    assertThat(value(all, "plantsync_command_duration_seconds_count", "command_type", plan, "outcome", "applied"))
        .isEqualTo(1);
    assertThat(value(all, "plantsync_command_duration_seconds_bucket", "command_type", plan, "outcome", "applied",
        "le", "+Inf")).isEqualTo(1);
    assertThat(value(all, "plantsync_command_duration_seconds_bucket", "command_type", plan, "outcome", "applied",
        "le", "10.0")).isEqualTo(1);

    assertThat(value(all, "plantsync_entities_live", "entity_type", "ProductionOrder")).isGreaterThanOrEqualTo(1);
    assertThat(value(all, "plantsync_persist_failures_total", "entity_type", "ProductionOrder")).isZero();
    assertThat(value(all, "plantsync_recovery_failures_total", "entity_type", "ProductionOrder")).isZero();

    assertThat(value(all, "plantsync_projection_lag_seconds_count", "projection", "production-order-view"))
        .isGreaterThanOrEqualTo(1);
    assertThat(value(all, "plantsync_projection_lag_seconds_bucket", "projection", "production-order-view",
        "le", "+Inf")).isGreaterThanOrEqualTo(1);
    assertThat(value(all, "plantsync_projection_failures_total", "projection", "hold-propagation")).isZero();
    assertThat(value(all, "plantsync_projection_parked_events_total", "projection", "hold-propagation")).isZero();
    assertThat(value(all, "plantsync_projection_backlog_events", "projection", "production-order-view"))
        .isGreaterThanOrEqualTo(0);

    assertThat(value(all, "plantsync_outbound_retries_total", "subscriber", "metrics")).isGreaterThanOrEqualTo(1);
    assertThat(value(all, "plantsync_outbound_dead_lettered_events_total", "subscriber", "metrics")).isZero();
    assertThat(value(all, "plantsync_outbound_delivery_lag_seconds_count", "subscriber", "metrics"))
        .isGreaterThanOrEqualTo(1);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(value(samples(scrape(null).body()), "plantsync_outbound_dead_letters", "subscriber", "metrics"))
            .isZero());

    assertThat(all).extracting(Sample::name)
        .contains("jvm_memory_used_bytes", "jvm_gc_max_data_size_bytes", "jvm_threads_live_threads",
            "jvm_threads_started_threads_total", "jvm_classes_loaded_classes", "process_cpu_usage", "process_uptime_seconds", "process_files_open_files");

    assertThat(all).as("no label names an object, a message or an adapter").allSatisfy(sample ->
        assertThat(sample.labels().values()).noneMatch(v -> v.contains(order) || v.equals("planning")));
    assertThat(all.stream().filter(s -> s.name().startsWith("plantsync_"))
        .flatMap(s -> s.labels().keySet().stream()).distinct().toList())
        .containsOnly("command_type", "outcome", "error_code", "adapter_kind", "le", "entity_type", "projection",
            "subscriber");
  }

  @Test
  void openMetricsWhenAskedAndGetOnly() throws Exception {
    HttpResponse<String> open = scrape("application/openmetrics-text; version=1.0.0,text/plain;q=0.5");
    assertThat(open.statusCode()).isEqualTo(200);
    assertThat(open.headers().firstValue("Content-Type")).get().asString().startsWith("application/openmetrics-text");
    assertThat(open.body()).contains("# TYPE plantsync_projection_events counter").endsWith("# EOF\n");

    var post = http.send(HttpRequest.newBuilder(node.managementUri("/metrics"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isNotEqualTo(200);
  }
}
