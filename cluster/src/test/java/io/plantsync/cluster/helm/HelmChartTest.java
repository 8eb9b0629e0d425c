package io.plantsync.cluster.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigResolveOptions;
import io.plantsync.cluster.NodeSettings;
import io.plantsync.http.HttpSettings;
import io.plantsync.projections.outbound.delivery.Subscriber;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lints and renders helm/plantsync with the real Helm (helm-java's bundled library) and checks the
 * rendered objects an operator relies on: probes, resources, security, cluster bootstrap, secrets.
 */
class HelmChartTest {

  private static final Path CHART = Path.of("..", "helm", "plantsync");
  private static final YAMLMapper YAML = new YAMLMapper();

  private static final String MULTI_NODE = """
      replicaCount: 5
      metrics:
        podMonitor:
          enabled: true
          labels:
            release: prometheus
      secrets:
        existingSecret: plantsync-prod-secrets
      """;

  @TempDir
  Path tmp;

  @Test
  void theChartPassesStrictLint() {
    LintResult lint = new Helm(CHART).lint().strict().call();
    assertThat(lint.isFailed()).as("helm lint --strict: %s", lint.getMessages()).isFalse();
  }

  @Test
  void probesUseTheManagementPortWhichTheServiceNeverExposes() throws IOException {
    Rendered chart = render("");
    JsonNode container = chart.container();
    assertThat(chart.deployment().path("spec").path("replicas").asInt()).isEqualTo(3);
    assertThat(ports(container)).containsExactlyInAnyOrderEntriesOf(
        Map.of("http", 8080, "management", 7626, "remoting", 25520));
    assertThat(probe(container, "readinessProbe")).isEqualTo("management /ready");
    assertThat(probe(container, "livenessProbe")).isEqualTo("management /alive");
    assertThat(probe(container, "startupProbe")).isEqualTo("management /alive");
    assertThat(container.path("startupProbe").path("periodSeconds").asInt()
        * container.path("startupProbe").path("failureThreshold").asInt())
        .as("seconds a node may take to start").isGreaterThanOrEqualTo(120);

    JsonNode service = chart.one("Service");
    assertThat(service.path("spec").path("ports")).singleElement().satisfies(port -> {
      assertThat(port.path("name").asText()).isEqualTo("http");
      assertThat(port.path("targetPort").asText()).isEqualTo("http");
    });
    assertThat(service.path("spec").path("selector")).isEqualTo(chart.podSelector());
  }

  @Test
  void memoryRequestEqualsTheLimitAndCpuIsRequestedButNeverLimited() throws IOException {
    JsonNode resources = render("resources: {memory: 3Gi, cpu: 1500m}").container().path("resources");
    assertThat(resources.path("requests").path("memory").asText()).isEqualTo("3Gi");
    assertThat(resources.path("limits").path("memory").asText()).isEqualTo("3Gi");
    assertThat(resources.path("requests").path("cpu").asText()).isEqualTo("1500m");
    assertThat(fieldNames(resources.path("limits"))).containsExactly("memory");
  }

  @Test
  void nodesRunAsNonRootOnAReadOnlyRootFilesystemWithAWritableTmp() throws IOException {
    Rendered chart = render("");
    JsonNode pod = chart.deployment().path("spec").path("template").path("spec");
    assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
    assertThat(pod.path("securityContext").path("runAsUser").asInt()).isEqualTo(10001);
    JsonNode security = chart.container().path("securityContext");
    assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(security.path("allowPrivilegeEscalation").asBoolean()).isFalse();
    assertThat(texts(security.path("capabilities").path("drop"))).containsExactly("ALL");
    assertThat(chart.mounts()).containsEntry("/tmp", "tmp");
    assertThat(chart.volume("tmp").has("emptyDir")).isTrue();
  }

  @Test
  void theNodesAppVersionIsTheChartsAppVersionAndTheImageTag() throws IOException {
    String appVersion = YAML.readTree(CHART.resolve("Chart.yaml").toFile()).path("appVersion").asText();
    String nodeDefault = ConfigFactory.parseResources("cluster.conf")
        .resolve(ConfigResolveOptions.noSystem()).getString("pekko.cluster.app-version");
    assertThat(appVersion).as("Chart.yaml appVersion and cluster.conf's app-version").isEqualTo(nodeDefault);

    Rendered chart = render("");
    assertThat(chart.env()).containsEntry("PLANTSYNC_APP_VERSION", appVersion);
    assertThat(chart.container().path("image").asText()).isEqualTo("plantsync:" + appVersion);
    assertThat(chart.env().get("JAVA_OPTS"))
        .contains("-XX:MaxRAMPercentage=70", "-Dconfig.file=/etc/plantsync/config/plantsync.conf");
  }

  @Test
  void clusterBootstrapListsExactlyTheReleasesPodsWithAReadOnlyRole() throws IOException {
    Rendered chart = render(MULTI_NODE);
    Map<String, String> selector = Arrays.stream(chart.env().get("PLANTSYNC_BOOTSTRAP_POD_LABEL_SELECTOR").split(","))
        .map(pair -> pair.split("=", 2)).collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));
    assertThat(YAML.convertValue(chart.podSelector(), Map.class)).isEqualTo(selector);
    assertThat(chart.env()).containsEntry("PLANTSYNC_BOOTSTRAP_REQUIRED_CONTACT_POINTS", "5");
    assertThat(chart.env()).containsKey("POD_IP");

    JsonNode role = chart.one("Role");
    assertThat(role.path("rules")).singleElement().satisfies(rule -> {
      assertThat(texts(rule.path("apiGroups"))).containsExactly("");
      assertThat(texts(rule.path("resources"))).containsExactly("pods");
      assertThat(texts(rule.path("verbs"))).containsExactlyInAnyOrder("get", "list", "watch");
    });
    JsonNode binding = chart.one("RoleBinding");
    String account = chart.deployment().path("spec").path("template").path("spec").path("serviceAccountName").asText();
    assertThat(binding.path("roleRef").path("name").asText()).isEqualTo(role.path("metadata").path("name").asText());
    assertThat(binding.path("subjects")).singleElement().satisfies(subject -> {
      assertThat(subject.path("kind").asText()).isEqualTo("ServiceAccount");
      assertThat(subject.path("name").asText()).isEqualTo(account);
      assertThat(subject.path("namespace").asText()).isEqualTo("plant-ops");
    });
    assertThat(chart.one("ServiceAccount").path("metadata").path("name").asText()).isEqualTo(account);
  }

  @Test
  void aDisruptionBudgetOnlyWhenThereIsMoreThanOneNode() throws IOException {
    JsonNode pdb = render("").one("PodDisruptionBudget");
    assertThat(pdb.path("apiVersion").asText()).isEqualTo("policy/v1");
    assertThat(pdb.path("spec").path("maxUnavailable").asInt()).isEqualTo(1);
    assertThat(pdb.path("spec").path("selector").path("matchLabels")).isEqualTo(render("").podSelector());

    Rendered single = render("replicaCount: 1");
    assertThat(single.all("PodDisruptionBudget")).isEmpty();
    assertThat(single.env()).containsEntry("PLANTSYNC_BOOTSTRAP_REQUIRED_CONTACT_POINTS", "1");
  }

  @Test
  void aPodMonitorScrapesTheManagementPortOnlyWhenEnabled() throws IOException {
    assertThat(render("").all("PodMonitor")).isEmpty();

    Rendered chart = render(MULTI_NODE);
    JsonNode monitor = chart.one("PodMonitor");
    assertThat(monitor.path("apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
    assertThat(monitor.path("metadata").path("labels").path("release").asText()).isEqualTo("prometheus");
    assertThat(monitor.path("spec").path("selector").path("matchLabels")).isEqualTo(chart.podSelector());
    assertThat(monitor.path("spec").path("podMetricsEndpoints")).singleElement().satisfies(endpoint -> {
      assertThat(endpoint.path("port").asText()).isEqualTo("management");
      assertThat(endpoint.path("path").asText()).isEqualTo("/metrics");
    });
  }

  @Test
  void secretsComeFromTheChartsSecretOrAnExistingOneMountedReadOnly() throws IOException {
    Rendered own = render("");
    String secretName = own.one("Secret").path("metadata").path("name").asText();
    assertThat(fieldNames(own.one("Secret").path("stringData"))).containsExactlyInAnyOrder(
        "adapters.conf", "subscribers.conf");
    assertThat(own.volume("secrets").path("secret").path("secretName").asText()).isEqualTo(secretName);
    assertThat(own.mounts()).containsEntry("/etc/plantsync/secrets", "secrets");
    assertThat(own.readOnlyMounts()).contains("/etc/plantsync/secrets", "/etc/plantsync/config");
    assertThat(own.volume("config").path("configMap").path("name").asText())
        .isEqualTo(own.one("ConfigMap").path("metadata").path("name").asText());
    assertThat(own.podAnnotations()).containsKeys("checksum/config", "checksum/secrets");

    Rendered existing = render(MULTI_NODE);
    assertThat(existing.all("Secret")).isEmpty();
    assertThat(existing.volume("secrets").path("secret").path("secretName").asText())
        .isEqualTo("plantsync-prod-secrets");
    assertThat(existing.podAnnotations()).containsKey("checksum/config").doesNotContainKey("checksum/secrets");
  }

  @Test
  void theRenderedConfigurationIsWhatANodeStartsWith() throws IOException {
    Rendered chart = render("""
        secrets:
          adapters: |
            plantsync.adapters = [
              { id = "erp", kind = ERP, plants = ["1000"], token-sha256 = "ef8d1c92d1fa1599bce706096e221b9cb24ea72a89a0a30580192f7af557f948" }
            ]
          subscribers: |
            plantsync.outbound.subscribers = [
              { name = "erp", kind = ERP, url = "https://erp.example/plantsync",
                secret = "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", plants = ["1000"] }
            ]
        extraConfig: |
          plantsync.http.ask-timeout = 3s
        """);
    Config loaded = ConfigFactory.load(ConfigFactory.parseFile(layOut(chart).toFile()));
    NodeSettings node = NodeSettings.fromConfig(loaded);
    assertThat(node.bootstrap()).isTrue();
    assertThat(node.joinSelf()).isFalse();
    assertThat(loaded.getString("pekko.management.cluster.bootstrap.contact-point-discovery.discovery-method"))
        .isEqualTo("kubernetes-api");
    HttpSettings http = HttpSettings.fromConfig(loaded);
    assertThat(http.adapters()).extracting(registration -> registration.adapter().id()).containsExactly("erp");
    assertThat(http.askTimeout()).hasSeconds(3);
    assertThat(Subscriber.fromConfig(loaded)).extracting(Subscriber::name).containsExactly("erp");
  }

  @Test
  void aSecretWithoutSubscribersIsFineButANodeRefusesToStartWithoutAdapters() throws IOException {
    Path config = layOut(render(""));
    Files.delete(tmp.resolve("secrets").resolve("subscribers.conf"));
    assertThat(Subscriber.fromConfig(ConfigFactory.load(ConfigFactory.parseFile(config.toFile())))).isEmpty();

    Files.delete(tmp.resolve("secrets").resolve("adapters.conf"));
    assertThatThrownBy(() -> ConfigFactory.parseFile(config.toFile()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("adapters.conf");
  }

  /** The ConfigMap's file and the Secret's files as the pod sees them, under tmp; returns the config file. */
  private Path layOut(Rendered chart) throws IOException {
    Path secrets = Files.createDirectories(tmp.resolve("secrets"));
    chart.one("Secret").path("stringData").fields()
        .forEachRemaining(file -> write(secrets.resolve(file.getKey()), file.getValue().asText()));
    Path config = tmp.resolve("plantsync.conf");
    write(config, chart.one("ConfigMap").path("data").path("plantsync.conf").asText()
        .replace("/etc/plantsync/secrets", secrets.toString()));
    return config;
  }

  private static String probe(JsonNode container, String probe) {
    JsonNode get = container.path(probe).path("httpGet");
    return get.path("port").asText() + " " + get.path("path").asText();
  }

  private static Map<String, Integer> ports(JsonNode container) {
    Map<String, Integer> ports = new LinkedHashMap<>();
    container.path("ports").forEach(port -> ports.put(port.path("name").asText(), port.path("containerPort").asInt()));
    return ports;
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  private static List<String> fieldNames(JsonNode object) {
    List<String> names = new java.util.ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static void write(Path file, String content) {
    try {
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Rendered render(String values) throws IOException {
    TemplateCommand template = new Helm(CHART).template().withName("plantsync").withNamespace("plant-ops");
    if (!values.isBlank()) {
      Path file = Files.createTempFile(tmp, "values", ".yaml");
      Files.writeString(file, values);
      template = template.withValuesFile(file);
    }
    List<JsonNode> objects = YAML.readerFor(JsonNode.class).<JsonNode>readValues(template.call()).readAll()
        .stream().filter(object -> object != null && object.has("kind")).toList();
    return new Rendered(objects);
  }

  /** The objects of one `helm template` run. */
  private record Rendered(List<JsonNode> objects) {

    List<JsonNode> all(String kind) {
      return objects.stream().filter(object -> kind.equals(object.path("kind").asText())).toList();
    }

    JsonNode one(String kind) {
      List<JsonNode> found = all(kind);
      assertThat(found).as("rendered %s objects", kind).hasSize(1);
      return found.get(0);
    }

    JsonNode deployment() {
      return one("Deployment");
    }

    JsonNode podSelector() {
      return deployment().path("spec").path("selector").path("matchLabels");
    }

    JsonNode container() {
      JsonNode containers = deployment().path("spec").path("template").path("spec").path("containers");
      assertThat(containers).hasSize(1);
      return containers.get(0);
    }

    Map<String, String> env() {
      Map<String, String> env = new LinkedHashMap<>();
      container().path("env").forEach(variable -> env.put(variable.path("name").asText(),
          variable.has("value") ? variable.path("value").asText() : variable.path("valueFrom").toString()));
      return env;
    }

    Map<String, String> mounts() {
      Map<String, String> mounts = new LinkedHashMap<>();
      container().path("volumeMounts").forEach(mount -> mounts.put(mount.path("mountPath").asText(),
          mount.path("name").asText()));
      return mounts;
    }

    List<String> readOnlyMounts() {
      return StreamSupport.stream(container().path("volumeMounts").spliterator(), false)
          .filter(mount -> mount.path("readOnly").asBoolean()).map(mount -> mount.path("mountPath").asText()).toList();
    }

    JsonNode volume(String name) {
      return StreamSupport.stream(deployment().path("spec").path("template").path("spec").path("volumes")
          .spliterator(), false).filter(volume -> name.equals(volume.path("name").asText())).findFirst()
          .orElseThrow(() -> new AssertionError("no volume " + name));
    }

    Map<String, String> podAnnotations() {
      Map<String, String> annotations = new LinkedHashMap<>();
      deployment().path("spec").path("template").path("metadata").path("annotations").fields()
          .forEachRemaining(entry -> annotations.put(entry.getKey(), entry.getValue().asText()));
      return annotations;
    }
  }
}
