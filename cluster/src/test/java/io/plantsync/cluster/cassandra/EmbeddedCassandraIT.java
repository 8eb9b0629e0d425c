package io.plantsync.cluster.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.OptionsMap;
import com.datastax.oss.driver.api.core.cql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Starts real Cassandra nodes: about 15 s each on 2 cores. */
class EmbeddedCassandraIT {

  private static final Path WORK_DIR = Path.of(System.getProperty("plantsync.test.work-dir", "target/it-work"));
  private static final Duration ORPHAN_EXIT_LIMIT = Duration.ofSeconds(30);

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void answersCqlAndStopsItsProcess() throws IOException {
    EmbeddedCassandra cassandra = EmbeddedCassandra.start(EmbeddedCassandraSettings.onFreePorts(freshDirectory()));
    long pid = cassandra.pid();
    try {
      try (CqlSession session = CqlSession.builder()
          // Driver defaults only: application.conf names 127.0.0.1:9042, the developer's node.
          .withConfigLoader(DriverConfigLoader.fromMap(OptionsMap.driverDefaults()))
          .addContactPoint(new InetSocketAddress(cassandra.host(), cassandra.cqlPort()))
          .withLocalDatacenter(EmbeddedCassandra.LOCAL_DATACENTER)
          .build()) {
        session.execute("CREATE KEYSPACE it WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        session.execute("CREATE TABLE it.plants (id text PRIMARY KEY, name text)");
        session.execute("INSERT INTO it.plants (id, name) VALUES ('p1', 'Stamping line 1')");

        Row row = session.execute("SELECT name FROM it.plants WHERE id = 'p1'").one();

        assertThat(row).isNotNull();
        assertThat(row.getString("name")).isEqualTo("Stamping line 1");
      }
    } finally {
      cassandra.stop();
    }

    assertThat(cassandra.isAlive()).isFalse();
    assertThat(isAlive(pid)).as("Cassandra process %d alive after stop()", pid).isFalse();
    cassandra.stop(); // idempotent
  }

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void nodeExitsWhenItsParentIsKilled() throws Exception {
    Path dir = freshDirectory();
    Path helperOutput = dir.resolve("helper.out");
    Process helper = new ProcessBuilder(
        javaExecutable(), "-cp", System.getProperty("java.class.path"),
        StartCassandraAndWait.class.getName(), dir.resolve("node").toString())
        .redirectErrorStream(true)
        .redirectOutput(helperOutput.toFile())
        .start();
    Long cassandraPid = null;
    try {
      cassandraPid = awaitCassandraPid(helper, helperOutput);
      long pid = cassandraPid;
      assertThat(helper.descendants().map(ProcessHandle::pid)).contains(pid);
      assertThat(ProcessHandle.of(pid).flatMap(h -> h.info().commandLine()))
          .hasValueSatisfying(commandLine -> assertThat(commandLine).contains(ServerClasspath.MAIN_CLASS));

      helper.destroyForcibly(); // SIGKILL: no shutdown hooks run in the helper
      assertThat(helper.waitFor(10, SECONDS)).isTrue();

      long killedAt = System.nanoTime();
      await("orphaned Cassandra " + pid + " to exit")
          .atMost(ORPHAN_EXIT_LIMIT)
          .pollInterval(Duration.ofMillis(200))
          .until(() -> !isAlive(pid));
      System.out.printf("Orphaned Cassandra exited %.1f s after its parent was killed%n",
          (System.nanoTime() - killedAt) / 1e9);
    } finally {
      helper.destroyForcibly();
      if (cassandraPid != null) {
        ProcessHandle.of(cassandraPid).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
  }

  @Test
  void refusesToStartWhenTheCqlPortIsTaken() throws IOException {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getByName(EmbeddedCassandraSettings.DEFAULT_HOST), 0));
      EmbeddedCassandraSettings onFreePorts = EmbeddedCassandraSettings.onFreePorts(freshDirectory());
      EmbeddedCassandraSettings settings = new EmbeddedCassandraSettings(
          onFreePorts.dataDirectory(), onFreePorts.listenHost(), taken.getLocalPort(),
          onFreePorts.storagePort(), onFreePorts.jmxPort(), onFreePorts.heapSize(),
          onFreePorts.startupTimeout());

      assertThatThrownBy(() -> EmbeddedCassandra.start(settings))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("CQL port")
          .hasMessageContaining(String.valueOf(taken.getLocalPort()))
          .hasMessageContaining("already in use");
    }
  }

  /** The helper prints the node's pid once CQL answers; its start-up is bounded by the node's own timeout. */
  private static long awaitCassandraPid(Process helper, Path output) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + EmbeddedCassandraSettings.DEFAULT_STARTUP_TIMEOUT.plusSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      Optional<Long> pid = Files.readAllLines(output).stream()
          .filter(line -> line.startsWith(StartCassandraAndWait.PID_PREFIX))
          .map(line -> Long.parseLong(line.substring(StartCassandraAndWait.PID_PREFIX.length()).trim()))
          .findFirst();
      if (pid.isPresent()) {
        return pid.get();
      }
      if (helper.waitFor(250, TimeUnit.MILLISECONDS)) {
        break;
      }
    }
    List<String> tail = EmbeddedCassandra.logTail(output, 40);
    throw new AssertionError("Helper JVM did not report a Cassandra pid (alive: " + helper.isAlive() + ")\n"
        + String.join("\n", tail));
  }

  private static boolean isAlive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private static Path freshDirectory() throws IOException {
    return Files.createTempDirectory(Files.createDirectories(WORK_DIR), "cassandra-");
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
