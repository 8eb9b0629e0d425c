package io.plantsync.http;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.HttpCharsets;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /v1/openapi.yaml}: the adapter API's own contract (src/contracts/openapi.yaml, put on
 * the classpath by the build). Public, so an integrator can read it before holding a token.
 */
public final class ContractRoutes extends AllDirectives {

  static final String RESOURCE = "contracts/openapi.yaml";
  static final ContentType APPLICATION_YAML =
      MediaTypes.applicationWithFixedCharset("yaml", HttpCharsets.UTF_8).toContentType();

  private final byte[] contract = load();

  public Route routes() {
    return path(segment("v1").slash("openapi.yaml"), () ->
        get(() -> complete(HttpResponse.create().withEntity(HttpEntities.create(APPLICATION_YAML, contract)))));
  }

  private static byte[] load() {
    try (InputStream in = ContractRoutes.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the classpath; see http/pom.xml");
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
