package io.plantsync.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.plantsync.aggregates.common.CommandReply.Accepted;
import io.plantsync.aggregates.common.CommandReply.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Connections that send nothing cannot lock the adapters out: one client address holds at most its
 * share, and readiness reports the node as not ready while every connection is taken.
 */
class ConnectionLimitsTest {

  @Test
  void aClientOverItsShareIsClosedAtOnceAndTheOthersKeepBeingServed() throws Exception {
    try (TestServer server = new TestServer(new ScriptedGateway(),
            ConfigFactory.parseString("plantsync.http.max-connections-per-client = 4"))) {
      ConnectionGuard guard = ConnectionGuard.get(server.system);
      try (Idle idle = Idle.connections(server.base, 4)) {
        awaitOpen(guard, idle.sockets().size());
        try (Socket fifth = new Socket(server.base.getHost(), server.base.getPort())) {
          assertThat(closedByServer(fifth)).as("the fifth connection of the same client is closed").isTrue();
        }
        assertThat(guard.refused()).isEqualTo(1);
      }
      awaitOpen(guard, 0);
      assertThat(openApiStatus(server.base)).as("served again once the idle connections are gone").isEqualTo(200);
    }
  }

  @Test
  void readinessIsDownWhileEveryConnectionIsTaken() throws Exception {
    try (TestServer server = new TestServer(new ScriptedGateway(), ConfigFactory.parseString(
            "pekko.http.server.max-connections = 3, plantsync.http.max-connections-per-client = 0"))) {
      ConnectionGuard guard = ConnectionGuard.get(server.system);
      ConnectionCapacityCheck readiness = new ConnectionCapacityCheck(
          org.apache.pekko.actor.typed.javadsl.Adapter.toClassic(server.system));
      assertThat(readiness.get().toCompletableFuture().get()).as("ready with no connection").isTrue();
      try (Idle idle = Idle.connections(server.base, 3)) {
        awaitOpen(guard, idle.sockets().size());
        assertThat(readiness.get().toCompletableFuture().get()).as("ready with every connection taken").isFalse();
      }
      awaitOpen(guard, 0);
      assertThat(readiness.get().toCompletableFuture().get()).as("ready again").isTrue();
    }
  }

  @Test
  void aBodyTrickledSlowerThanTheBodyTimeoutIs408AndTheConnectionCloses() throws Exception {
    try (TestServer server = new TestServer(new ScriptedGateway());
        Socket socket = new Socket(server.base.getHost(), server.base.getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(("POST /v1/commands HTTP/1.1\r\nHost: localhost\r\n"
          + "Authorization: Bearer planning-token\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{")
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      long sent = System.nanoTime();
      String answer = new String(socket.getInputStream().readNBytes(400), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 408").contains("application/problem+json", "\"code\":\"request-timeout\"");
      assertThat((System.nanoTime() - sent) / 1e9).as("seconds until the 408 (body-timeout 1 s)").isLessThan(8);
    }
  }

  @Test
  void aClientTricklingItsHeadersIsCutOff() throws Exception {
    try (TestServer server = new TestServer(new ScriptedGateway(), ARRIVAL_1S);
        Socket socket = new Socket(server.base.getHost(), server.base.getPort())) {
      var out = socket.getOutputStream();
      out.write("GET /v1/openapi.yaml HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
      long started = System.nanoTime();
      boolean closed = false;
      for (int i = 0; i < 40 && !closed; i++) { // a byte every 200 ms: never idle, never done
        try {
          out.write('a');
          out.flush();
        } catch (IOException reset) {
          closed = true;
        }
        closed = closed || closedByServer(socket, 200);
      }
      assertThat(closed).as("connection closed while the headers still trickle").isTrue();
      assertThat((System.nanoTime() - started) / 1e9).as("seconds until closed (timeout 1 s)").isLessThan(5);
    }
  }

  @Test
  void aSlowAnswerIsNotCutOffAndAnIdleConnectionIsClosedAfterTheTimeout() throws Exception {
    ScriptedGateway gateway = new ScriptedGateway();
    gateway.answer(m -> CompletableFuture.supplyAsync(
        () -> new Accepted(Outcome.APPLIED, false, 1, List.of("OrderPlanned")),
        CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS)));
    try (TestServer server = new TestServer(gateway, ARRIVAL_1S);
        Socket socket = new Socket(server.base.getHost(), server.base.getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(("POST /v1/commands HTTP/1.1\r\nHost: localhost\r\n"
          + "Authorization: Bearer planning-token\r\nContent-Type: application/json\r\nContent-Length: "
          + ApiRoutesTest.PLAN.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + ApiRoutesTest.PLAN)
          .getBytes(StandardCharsets.UTF_8));
      String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
      assertThat(status).as("answered after 2 s although the timeout is 1 s").isEqualTo("HTTP/1.1 200");
      assertThat(closedByServer(socket, 5_000)).as("the idle connection is closed after the timeout").isTrue();
    }
  }

  private static final com.typesafe.config.Config ARRIVAL_1S =
      ConfigFactory.parseString("plantsync.http.request-arrival-timeout = 1s");

  /** {@code n} connections from this test that send nothing. */
  private record Idle(List<Socket> sockets) implements AutoCloseable {
    static Idle connections(URI base, int n) throws IOException {
      List<Socket> sockets = new ArrayList<>();
      for (int i = 0; i < n; i++) sockets.add(new Socket(base.getHost(), base.getPort()));
      return new Idle(sockets);
    }

    @Override
    public void close() throws IOException {
      for (Socket socket : sockets) socket.close();
    }
  }

  private static void awaitOpen(ConnectionGuard guard, int open) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (guard.open() != open && System.nanoTime() < deadline) Thread.sleep(20);
    assertThat(guard.open()).as("connections open").isEqualTo(open);
  }

  /** True when the server closes the connection (end of stream or reset) within 5 s. */
  private static boolean closedByServer(Socket socket) throws IOException {
    return closedByServer(socket, 5_000);
  }

  /** True when the server closes the connection within {@code millis}; reads and drops what it sends. */
  private static boolean closedByServer(Socket socket, int millis) throws IOException {
    socket.setSoTimeout(millis);
    try {
      InputStream in = socket.getInputStream();
      while (true) {
        int b = in.read();
        if (b < 0) return true;
      }
    } catch (SocketTimeoutException stillOpen) {
      return false;
    } catch (java.net.SocketException reset) {
      return true;
    }
  }

  private static int openApiStatus(URI base) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/v1/openapi.yaml")).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
