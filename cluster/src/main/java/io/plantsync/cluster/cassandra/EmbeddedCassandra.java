package io.plantsync.cluster.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.OptionsMap;
import com.datastax.oss.driver.api.core.config.TypedDriverOption;
import com.datastax.oss.driver.api.core.cql.Row;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real single-node Cassandra 5.0 running in a child JVM, for development and integration tests.
 *
 * <p>The node runs in its own JVM because Cassandra's ~100 jars (Guava, Netty, logback, ...) clash with the
 * application's. The child watches this JVM's pid and exits when it disappears, so even a {@code kill -9}
 * of the application leaves no orphan node behind. Nothing is registered globally: whoever starts a node
 * stops it (a shutdown hook in the dev launcher, a finally block in tests).
 */
public final class EmbeddedCassandra {

  public static final String LOCAL_DATACENTER = "datacenter1";

  private static final int LOG_TAIL_LINES = 30;
  private static final Duration GRACEFUL_STOP = Duration.ofSeconds(30);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

  /** Cassandra's jvm17-server.options: the JDK internals it reaches into on Java 17. */
  private static final List<String> JAVA17_FLAGS = List.of(
      "-Djdk.attach.allowAttachSelf=true",
      "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
      "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-exports=java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
      "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
      "--add-exports=java.rmi/sun.rmi.server=ALL-UNNAMED",
      "--add-exports=java.sql/java.sql=ALL-UNNAMED",
      "--add-exports=java.base/java.lang.ref=ALL-UNNAMED",
      "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.module=ALL-UNNAMED",
      "--add-opens=java.base/jdk.internal.loader=ALL-UNNAMED",
      "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens=java.base/jdk.internal.reflect=ALL-UNNAMED",
      "--add-opens=java.base/jdk.internal.math=ALL-UNNAMED",
      "--add-opens=java.base/jdk.internal.module=ALL-UNNAMED",
      "--add-opens=java.base/jdk.internal.util.jar=ALL-UNNAMED",
      "--add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens=java.base/java.io=ALL-UNNAMED",
      "--add-opens=java.base/java.nio=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
      "--add-opens=java.base/java.util=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
      "--add-opens=java.base/java.lang=ALL-UNNAMED",
      "--add-opens=java.base/java.math=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
      "--add-opens=java.base/java.net=ALL-UNNAMED");

  private final EmbeddedCassandraSettings settings;
  private final Process process;
  private final Path logFile;

  private EmbeddedCassandra(EmbeddedCassandraSettings settings, Process process, Path logFile) {
    this.settings = settings;
    this.process = process;
    this.logFile = logFile;
  }

  /**
   * Launches the node and returns once it answers CQL.
   *
   * @throws IllegalStateException if a port is taken, the node dies during start-up or does not answer
   *                               within the startup timeout; the message carries the end of its log
   */
  public static EmbeddedCassandra start(EmbeddedCassandraSettings settings) {
    requireFree(settings.listenHost(), settings.cqlPort(), "CQL", "PLANTSYNC_CASSANDRA_PORT");
    requireFree(settings.listenHost(), settings.storagePort(), "storage", "PLANTSYNC_CASSANDRA_STORAGE_PORT");
    requireFree(settings.listenHost(), settings.jmxPort(), "JMX", "PLANTSYNC_CASSANDRA_JMX_PORT");

    Path dataDir = settings.dataDirectory();
    Path logFile = dataDir.resolve("cassandra.log");
    List<String> command;
    try {
      Files.createDirectories(dataDir);
      command = command(settings);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare embedded Cassandra in " + dataDir, e);
    }

    String contactPoint = settings.listenHost() + ":" + settings.cqlPort();
    System.out.printf(Locale.ROOT, "Starting embedded Cassandra 5.0 (data: %s, CQL %s, log: %s)%n",
        dataDir, contactPoint, logFile);
    long startNanos = System.nanoTime();

    Process process;
    try {
      ProcessBuilder builder = new ProcessBuilder(command)
          .directory(dataDir.toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
      // -cp comes from the argument file; an inherited CLASSPATH would only confuse.
      builder.environment().remove("CLASSPATH");
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot launch " + command.get(0), e);
    }

    EmbeddedCassandra node = new EmbeddedCassandra(settings, process, logFile);
    try {
      String version = node.awaitCql(startNanos);
      System.out.printf(Locale.ROOT, "Cassandra %s ready on %s after %.1f s (pid %d)%n",
          version, contactPoint, (System.nanoTime() - startNanos) / 1e9, process.pid());
      return node;
    } catch (RuntimeException | Error e) {
      node.stop();
      throw e;
    }
  }

  /** Sends SIGTERM, lets Cassandra flush and exit, and kills it if it takes longer than 30 s. Idempotent. */
  public synchronized void stop() {
    if (!process.isAlive()) {
      return;
    }
    System.out.println("Stopping embedded Cassandra (pid " + process.pid() + ")");
    process.destroy();
    try {
      if (!process.waitFor(GRACEFUL_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
        System.out.println("Embedded Cassandra (pid " + process.pid() + ") ignored SIGTERM for "
            + GRACEFUL_STOP.toSeconds() + " s, killing it");
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      System.out.println("Embedded Cassandra stopped");
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** {@code host:port} of the CQL endpoint, e.g. for {@code datastax-java-driver.basic.contact-points}. */
  public String contactPoint() {
    return settings.listenHost() + ":" + settings.cqlPort();
  }

  public String host() {
    return settings.listenHost();
  }

  public int cqlPort() {
    return settings.cqlPort();
  }

  /** A port nothing listens on right now; another process may still grab it before it is used. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port", e);
    }
  }

  /** Several distinct free ports: the sockets stay open together so the OS cannot hand out one twice. */
  public static int[] freePorts(int count) {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        sockets.add(new ServerSocket(0));
      }
      return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
    } catch (IOException e) {
      throw new UncheckedIOException("No free ports", e);
    } finally {
      for (ServerSocket socket : sockets) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // Closing a never-used listening socket cannot lose anything.
        }
      }
    }
  }

  @Override
  public String toString() {
    return "EmbeddedCassandra[pid " + process.pid() + ", CQL " + contactPoint() + ", data "
        + settings.dataDirectory() + "]";
  }

  private static List<String> command(EmbeddedCassandraSettings s) throws IOException {
    Path dataDir = s.dataDirectory();
    Path yaml = CassandraConfigFiles.writeCassandraYaml(s);
    Path logback = CassandraConfigFiles.writeLogbackXml(dataDir);
    Path classpathFile = writeClasspathArgFile(dataDir, ServerClasspath.locate());

    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.add("-Xms" + s.heapSize());
    command.add("-Xmx" + s.heapSize());
    command.add("-XX:+ExitOnOutOfMemoryError");
    command.addAll(JAVA17_FLAGS);
    command.add("-Djava.net.preferIPv4Stack=true");
    // Without it RMI resolves the machine's host name, which can be slow or wrong in containers.
    command.add("-Djava.rmi.server.hostname=" + s.listenHost());
    command.add("-Dplantsync.parent-pid=" + ProcessHandle.current().pid());
    command.add("-Dcassandra-foreground=yes");
    command.add("-Dcassandra.config=" + yaml.toUri());
    command.add("-Dcassandra.storagedir=" + dataDir);
    command.add("-Dcassandra.logdir=" + dataDir.resolve("logs"));
    // Cassandra warns every minute about a missing triggers folder.
    command.add("-Dcassandra.triggers_dir=" + Files.createDirectories(dataDir.resolve("triggers")));
    command.add("-Dlogback.configurationFile=" + logback.toUri());
    command.add("-Dcassandra.jmx.local.port=" + s.jmxPort());
    // Single node: there is no gossip to settle. (ring_delay_ms is left alone: a seed node that does
    // not bootstrap never waits for it, so lowering it saves no time.)
    command.add("-Dcassandra.skip_wait_for_gossip_to_settle=0");
    command.add("@" + classpathFile);
    command.add(ServerClasspath.MAIN_CLASS);
    return command;
  }

  /** The classpath is ~100 absolute jar paths: too long for some command lines, so it goes in an @argfile. */
  private static Path writeClasspathArgFile(Path dataDir, List<Path> classpath) throws IOException {
    String joined = classpath.stream().map(Path::toString)
        .collect(Collectors.joining(java.io.File.pathSeparator));
    // Inside quotes an argument file only treats backslash and quote specially.
    String quoted = "\"" + joined.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    Path file = dataDir.resolve("classpath.args");
    Files.writeString(file, "-cp\n" + quoted + "\n", StandardCharsets.UTF_8);
    return file;
  }

  private static String javaExecutable() {
    Path fromJavaHome = Path.of(System.getProperty("java.home"), "bin",
        System.getProperty("os.name").startsWith("Windows") ? "java.exe" : "java");
    if (Files.isExecutable(fromJavaHome)) {
      return fromJavaHome.toString();
    }
    return ProcessHandle.current().info().command()
        .orElseThrow(() -> new IllegalStateException("Cannot find the java executable"));
  }

  private static void requireFree(String host, int port, String what, String setting) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot start embedded Cassandra: " + what + " port " + host + ":"
          + port + " is already in use (another Cassandra or PlantSync node running?); set " + setting
          + " to use another (bin/plantsync help)", e);
    }
  }

  /** Polls until a CQL query succeeds; a listening port alone can precede a usable node. */
  private String awaitCql(long startNanos) {
    long deadline = startNanos + settings.startupTimeout().toNanos();
    Exception lastCqlError = null;
    while (true) {
      if (!process.isAlive()) {
        throw failure("exited during start-up with code " + process.exitValue(), lastCqlError);
      }
      if (System.nanoTime() - deadline > 0) {
        throw failure("did not answer CQL within " + settings.startupTimeout().toSeconds() + " s",
            lastCqlError);
      }
      if (portOpen()) {
        try {
          return queryReleaseVersion();
        } catch (RuntimeException e) {
          lastCqlError = e;
        }
      }
      try {
        process.waitFor(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for embedded Cassandra", e);
      }
    }
  }

  /** Cheap check first, so the driver (which logs every refused connection) only runs once it can succeed. */
  private boolean portOpen() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(settings.listenHost(), settings.cqlPort()), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private String queryReleaseVersion() {
    // Driver defaults only: the application's own application.conf (contact points, reconnect-on-init)
    // must not steer this probe to another node or make it wait forever.
    OptionsMap options = OptionsMap.driverDefaults();
    options.put(TypedDriverOption.SESSION_NAME, "embedded-cassandra-probe");
    options.put(TypedDriverOption.CONNECTION_CONNECT_TIMEOUT, Duration.ofSeconds(2));
    options.put(TypedDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(5));
    options.put(TypedDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(5));
    options.put(TypedDriverOption.RECONNECT_ON_INIT, false);
    options.put(TypedDriverOption.METADATA_SCHEMA_ENABLED, false);
    options.put(TypedDriverOption.METADATA_TOKEN_MAP_ENABLED, false);
    try (CqlSession session = CqlSession.builder()
        .withConfigLoader(DriverConfigLoader.fromMap(options))
        .addContactPoint(new InetSocketAddress(settings.listenHost(), settings.cqlPort()))
        .withLocalDatacenter(LOCAL_DATACENTER)
        .build()) {
      Row row = session.execute("SELECT release_version FROM system.local").one();
      if (row == null) {
        throw new IllegalStateException("system.local is empty");
      }
      return row.getString("release_version");
    }
  }

  private IllegalStateException failure(String what, Exception lastCqlError) {
    StringBuilder message = new StringBuilder("Embedded Cassandra (pid ").append(process.pid()).append(") ")
        .append(what).append(". Data: ").append(settings.dataDirectory()).append('.');
    if (lastCqlError != null) {
      message.append(" Last CQL error: ").append(lastCqlError);
    }
    message.append("\n--- last ").append(LOG_TAIL_LINES).append(" lines of ").append(logFile).append(" ---\n");
    message.append(String.join("\n", logTail(logFile, LOG_TAIL_LINES)));
    return new IllegalStateException(message.toString(), lastCqlError);
  }

  /** Reads only the end of the file: a failed start can leave a long log. */
  static List<String> logTail(Path file, int lines) {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long length = in.length();
      int size = (int) Math.min(length, 64 * 1024);
      byte[] bytes = new byte[size];
      in.seek(length - size);
      in.readFully(bytes);
      List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
      return all.subList(Math.max(0, all.size() - lines), all.size());
    } catch (IOException e) {
      return List.of("(cannot read " + file + ": " + e + ")");
    }
  }
}
