package io.plantsync.cluster.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusUtil;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plantsync.aggregates.observability.LogContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The node's logback.xml as operators see it: JSON in containers, readable lines in dev, both with the keys. */
class LogbackConfigTest {

  @AfterEach
  void unset() {
    System.clearProperty(LogFormat.VARIABLE);
  }

  /** Runs the node's logback.xml in a context of its own and returns what it wrote to stdout. */
  static List<String> logWithNodeConfig(String format) throws Exception {
    if (format != null) System.setProperty(LogFormat.VARIABLE, format);
    PrintStream stdout = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(MDC.getMDCAdapter());
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      JoranConfigurator configurator = new JoranConfigurator();
      configurator.setContext(context);
      configurator.doConfigure(LogbackConfigTest.class.getResource("/logback.xml"));
      // A warning would make logback print its whole status to stdout, between the JSON lines.
      assertThat(new StatusUtil(context).getHighestLevel(0)).as("logback status level").isLessThan(Status.WARN);
      var log = context.getLogger("io.plantsync.http.CommandExecutor");
      LogContext.around("mes-1000", "MES-1000-000123", "ProductionOrder|1000/100234",
          () -> log.warn("No answer from 1000/100234"));
      log.info("Adapter API listening");
      context.stop();
    } finally {
      System.setOut(stdout);
    }
    return captured.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void inAContainerEveryLineIsJsonWithTheBusinessKeysAsFields() throws Exception {
    List<String> lines = logWithNodeConfig("json");
    assertThat(lines).hasSize(2);
    JsonNode warn = new ObjectMapper().readTree(lines.get(0));
    assertThat(warn.path("level").asText()).isEqualTo("WARN");
    assertThat(warn.path("message").asText()).isEqualTo("No answer from 1000/100234");
    assertThat(warn.path("logger_name").asText()).isEqualTo("io.plantsync.http.CommandExecutor");
    assertThat(warn.path("adapterId").asText()).isEqualTo("mes-1000");
    assertThat(warn.path("messageId").asText()).isEqualTo("MES-1000-000123");
    assertThat(warn.path("objectKey").asText()).isEqualTo("ProductionOrder|1000/100234");
    assertThat(warn.path("plant").asText()).isEqualTo("1000");
    assertThat(warn.has("@timestamp")).isTrue();
    JsonNode info = new ObjectMapper().readTree(lines.get(1));
    assertThat(info.has("messageId")).as("keys only while set").isFalse();
  }

  @Test
  void inDevLinesAreReadableAndEndWithTheKeysThatAreSet() throws Exception {
    List<String> lines = logWithNodeConfig(null);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN  .*CommandExecutor"
        + " - No answer from 1000/100234 adapter=mes-1000 messageId=MES-1000-000123"
        + " object=ProductionOrder\\|1000/100234");
    assertThat(lines.get(1)).endsWith("- Adapter API listening");
  }

  @Test
  void aMisspeltFormatStillLogsReadableLines() throws Exception {
    assertThat(logWithNodeConfig("jsn")).hasSize(2).allSatisfy(line -> assertThat(line).doesNotStartWith("{"));
    assertThat(logWithNodeConfig(" JSON ")).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("{"));
  }
}
