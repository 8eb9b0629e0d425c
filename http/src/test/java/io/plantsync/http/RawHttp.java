package io.plantsync.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends bytes a well-behaved client library would refuse to send (a bad request line, repeated or
 * oversized headers, an unknown method or version) and reads the one answer, as a hostile client
 * would see it.
 */
final class RawHttp {
  private RawHttp() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  record Answer(int status, Map<String, String> headers, String body) {
    String contentType() {
      return headers.getOrDefault("content-type", "");
    }

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException notJson) {
        return JSON.missingNode();
      }
    }

    String code() {
      return json().path("code").asText();
    }
  }

  /** Sends {@code request} as it is on a fresh connection and reads the answer (its body by Content-Length). */
  static Answer send(URI base, String request) throws IOException {
    return send(base, request.getBytes(StandardCharsets.ISO_8859_1));
  }

  static Answer send(URI base, byte[] request) throws IOException {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request);
      socket.getOutputStream().flush();
      return read(socket.getInputStream());
    }
  }

  private static Answer read(InputStream in) throws IOException {
    String head = readHead(in);
    String[] lines = head.split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    byte[] body = in.readNBytes(length);
    return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    while (matched < end.length) {
      int b;
      try {
        b = in.read();
      } catch (SocketTimeoutException e) {
        throw new IOException("no answer within 10 s; read so far: " + head, e);
      }
      if (b < 0) throw new IOException("connection closed without an answer; read so far: " + head);
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }
}
