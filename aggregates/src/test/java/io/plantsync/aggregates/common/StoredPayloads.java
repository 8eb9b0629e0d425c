package io.plantsync.aggregates.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializers;

/**
 * Journal payloads exactly as a PlantSync version stored them (serializer id, manifest, bytes),
 * kept under {@code src/test/resources/stored/}. A recovery test reads them back through today's
 * serialization and checks that what today's code writes is still the same payload, so a refactoring
 * cannot change the stored format unnoticed.
 *
 * <p>To record a new set (only when a format change is intended and migrated), run the test with
 * {@code -Dplantsync.recordStoredPayloads=true}; it writes the files into the source tree.
 */
public final class StoredPayloads {

  /** One stored payload: what the journal or snapshot store keeps for an object. */
  public record Stored(int serializerId, String manifest, byte[] bytes) {}

  private static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());
  private static final Path SOURCE_DIR = Path.of("src/test/resources/stored");

  private final Serialization serialization;

  public StoredPayloads(ActorSystem<?> system) {
    this.serialization = SerializationExtension.get(system);
  }

  public static boolean recording() {
    return Boolean.getBoolean("plantsync.recordStoredPayloads");
  }

  public Stored store(Object payload) {
    var serializer = serialization.findSerializerFor(payload);
    return new Stored(serializer.identifier(), Serializers.manifestFor(serializer, payload),
        serialization.serialize(payload).get());
  }

  public Object load(Stored stored) {
    return serialization.deserialize(stored.bytes(), stored.serializerId(), stored.manifest()).get();
  }

  /** Writes {@code payloads} as {@code stored/<name>}, one line each: id, manifest, base64 bytes. */
  public void record(String name, List<?> payloads) throws IOException {
    List<String> lines = new ArrayList<>();
    for (Object payload : payloads) {
      Stored s = store(payload);
      lines.add(s.serializerId() + " " + s.manifest() + " " + Base64.getEncoder().encodeToString(s.bytes()));
    }
    Files.createDirectories(SOURCE_DIR);
    Files.write(SOURCE_DIR.resolve(name), lines, StandardCharsets.UTF_8);
  }

  public static List<Stored> read(String name) throws IOException {
    try (InputStream in = StoredPayloads.class.getResourceAsStream("/stored/" + name)) {
      assertThat(in).as("stored payloads " + name + " (record them with -Dplantsync.recordStoredPayloads=true)")
          .isNotNull();
      List<Stored> stored = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank()) continue;
        String[] parts = line.trim().split(" ");
        stored.add(new Stored(Integer.parseInt(parts[0]), parts[1], Base64.getDecoder().decode(parts[2])));
      }
      return stored;
    }
  }

  /**
   * Today's code stores {@code payload} as {@code expected} was stored: same serializer, manifest and
   * content. Content is compared as a tree, with arrays of plain strings sorted: they hold sets, whose
   * iteration order differs between JVM runs.
   */
  public void assertStoredAs(Stored expected, Object payload) throws IOException {
    Stored actual = store(payload);
    assertThat(actual.serializerId()).as("serializer of " + expected.manifest()).isEqualTo(expected.serializerId());
    assertThat(actual.manifest()).isEqualTo(expected.manifest());
    assertThat(canonical(CBOR.readTree(actual.bytes())))
        .as("stored form of " + expected.manifest())
        .isEqualTo(canonical(CBOR.readTree(expected.bytes())));
  }

  private static JsonNode canonical(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.fields().forEachRemaining(field -> field.setValue(canonical(field.getValue())));
    } else if (node instanceof ArrayNode array) {
      List<JsonNode> elements = new ArrayList<>();
      array.forEach(element -> elements.add(canonical(element)));
      if (elements.stream().allMatch(JsonNode::isTextual)) elements.sort(Comparator.comparing(JsonNode::asText));
      array.removeAll();
      array.addAll(elements);
    }
    return node;
  }
}
