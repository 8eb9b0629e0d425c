package io.plantsync.cluster.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** An adapter's view of the API: real HTTP over loopback. */
public final class ApiClient {

  public record Response(int status, String contentType, JsonNode body, HttpResponse<String> raw) {
    public String code() {
      return body.path("code").asText();
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;

  public ApiClient(URI base) {
    this.base = base;
  }

  public Response command(String token, String json) throws Exception {
    return send(HttpRequest.newBuilder(base.resolve("/v1/commands"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)), token);
  }

  public Response get(String token, String path) throws Exception {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET(), token);
  }

  private Response send(HttpRequest.Builder request, String token) throws Exception {
    if (token != null) request.header("Authorization", "Bearer " + token);
    HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
    JsonNode body = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body, response);
  }
}
