package io.plantsync.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigResolveOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** kubernetes.conf, the configuration helm/plantsync starts every node with (through its ConfigMap). */
class KubernetesConfigTest {

  private static final String DISCOVERY = "pekko.management.cluster.bootstrap.contact-point-discovery";

  @Test
  void nodesFormTheClusterThroughTheKubernetesApiInsteadOfJoiningThemselves() {
    NodeSettings node = NodeSettings.fromConfig(ConfigFactory.load("kubernetes"));
    assertThat(node.bootstrap()).isTrue();
    assertThat(node.joinSelf()).isFalse();
    assertThat(NodeSettings.fromConfig(ConfigFactory.load()).bootstrap())
        .as("bootstrap outside Kubernetes").isFalse();

    Config config = withEnvironment(Map.of());
    assertThat(config.getString(DISCOVERY + ".discovery-method")).isEqualTo("kubernetes-api");
    assertThat(config.getString(DISCOVERY + ".port-name")).isEqualTo("management");
    assertThat(config.getBoolean("pekko.discovery.kubernetes-api.use-raw-ip")).isTrue();
    assertThat(config.getString("pekko.management.http.bind-hostname")).isEqualTo("0.0.0.0");
    assertThat(config.getBoolean("pekko.management.http.route-providers-read-only")).isTrue();
  }

  @Test
  void withoutPodIpTheNodeAnnouncesItsHostsAddress() {
    Config config = withEnvironment(Map.of());
    assertThat(config.getString("pekko.remote.artery.canonical.hostname")).isEqualTo("<getHostAddress>");
    assertThat(config.getString("pekko.management.http.hostname")).as("\"\" is the host's address").isEmpty();
    assertThat(config.getString("pekko.discovery.kubernetes-api.pod-label-selector"))
        .isEqualTo("app.kubernetes.io/name=%s");
    assertThat(config.hasPath(DISCOVERY + ".required-contact-point-nr"))
        .as("left to Pekko's default").isFalse();
  }

  @Test
  void thePodIpAndTheChartsBootstrapSettingsComeFromTheEnvironment() {
    Config config = withEnvironment(Map.of(
        "POD_IP", "10.4.2.17",
        "PLANTSYNC_BOOTSTRAP_SERVICE_NAME", "plantsync",
        "PLANTSYNC_BOOTSTRAP_POD_LABEL_SELECTOR", "app.kubernetes.io/instance=prod,app.kubernetes.io/name=plantsync",
        "PLANTSYNC_BOOTSTRAP_REQUIRED_CONTACT_POINTS", "3"));
    assertThat(config.getString("pekko.remote.artery.canonical.hostname")).isEqualTo("10.4.2.17");
    assertThat(config.getString("pekko.management.http.hostname")).isEqualTo("10.4.2.17");
    assertThat(config.getInt(DISCOVERY + ".required-contact-point-nr")).isEqualTo(3);
    assertThat(config.getString("pekko.discovery.kubernetes-api.pod-label-selector"))
        .isEqualTo("app.kubernetes.io/instance=prod,app.kubernetes.io/name=plantsync");
  }

  @Test
  void explicitRemoteAndManagementHostsWinOverThePodIp() {
    Config config = withEnvironment(Map.of(
        "POD_IP", "10.4.2.17", "PLANTSYNC_REMOTE_HOST", "node-a.internal", "PLANTSYNC_MANAGEMENT_HOST", "10.9.9.9"));
    assertThat(config.getString("pekko.remote.artery.canonical.hostname")).isEqualTo("node-a.internal");
    assertThat(config.getString("pekko.management.http.hostname")).isEqualTo("10.9.9.9");
  }

  /**
   * kubernetes.conf resolved against exactly these environment variables, the real ones ignored:
   * a substitution like ${?POD_IP} finds them at the root of the configuration.
   */
  private static Config withEnvironment(Map<String, String> environment) {
    return ConfigFactory.parseResources("kubernetes.conf").withFallback(ConfigFactory.parseMap(environment))
        .resolve(ConfigResolveOptions.noSystem());
  }
}
