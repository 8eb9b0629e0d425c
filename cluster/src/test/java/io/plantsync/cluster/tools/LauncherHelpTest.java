package io.plantsync.cluster.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/plantsync help} promises every setting: each {@code PLANTSYNC_*} variable the
 * configuration, the log setup or the code reads is listed there, so a newcomer finds it.
 */
class LauncherHelpTest {

  private static final Path ROOT = Path.of("..");
  private static final Pattern VARIABLE = Pattern.compile("PLANTSYNC_[A-Z0-9_]+");
  /** How the settings are read: HOCON overrides, logback and shell substitutions, Java string literals. */
  private static final Pattern READ = Pattern.compile(
      "\\$\\{\\?(PLANTSYNC_[A-Z0-9_]+)}|\\$\\{(PLANTSYNC_[A-Z0-9_]+):-|\"(PLANTSYNC_[A-Z0-9_]+)\"");

  @Test
  void helpNamesEverySettingTheNodeReads() throws Exception {
    Set<String> read = settingsRead();
    assertThat(read).as("settings found in the sources (the scan itself works)")
        .contains("PLANTSYNC_HTTP_PORT", "PLANTSYNC_LOG_FORMAT", "PLANTSYNC_SEED_NODES", "PLANTSYNC_NODE_JAVA_OPTS");
    String help = help();
    assertThat(read).allSatisfy(variable -> assertThat(help).as("bin/plantsync help").contains(variable));
  }

  @Test
  void helpNamesNothingTheNodeDoesNotRead() throws Exception {
    Set<String> read = settingsRead();
    Matcher named = VARIABLE.matcher(help());
    Set<String> listed = new TreeSet<>();
    while (named.find()) listed.add(named.group());
    assertThat(listed).as("variables bin/plantsync help lists").isSubsetOf(read);
  }

  private static Set<String> settingsRead() throws IOException {
    Set<String> read = new TreeSet<>();
    try (Stream<Path> files = Files.walk(ROOT)) {
      for (Path file : files.filter(LauncherHelpTest::isSource).toList()) {
        Matcher m = READ.matcher(Files.readString(file));
        while (m.find()) {
          for (int group = 1; group <= 3; group++) if (m.group(group) != null) read.add(m.group(group));
        }
      }
    }
    return read;
  }

  private static boolean isSource(Path file) {
    String path = file.toString().replace('\\', '/');
    if (path.contains("/target/") || path.contains("/.git/") || path.contains("/.plantsync/")) return false;
    if (!path.contains("/src/main/") && !path.endsWith("bin/plantsync")) return false;
    return path.endsWith(".conf") || path.endsWith(".xml") || path.endsWith(".java") || path.endsWith("bin/plantsync");
  }

  private static String help() throws Exception {
    Process process = new ProcessBuilder("bash", ROOT.resolve("bin/plantsync").toString(), "help")
        .redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("bin/plantsync help exit code; output:%n%s", out).isZero();
    return out;
  }
}
