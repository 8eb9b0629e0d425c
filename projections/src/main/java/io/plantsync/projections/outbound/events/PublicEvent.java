package io.plantsync.projections.outbound.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * One public event: a CloudEvents 1.0 event in structured mode, the body of a delivery. {@code id}
 * is stable across redeliveries (receivers deduplicate by it); {@code time} is when PlantSync
 * persisted the fact; {@code data} holds public fields only (see {@link PublicEventMapper}).
 */
public record PublicEvent(String id, String source, String type, String subject, Instant time, ObjectNode data) {

  public static final String SPEC_VERSION = "1.0";
  public static final String DATA_CONTENT_TYPE = "application/json";
  /** The Content-Type of a delivery: a structured-mode CloudEvent in JSON. */
  public static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

  public PublicEvent {
    data = data.deepCopy();
  }

  @Override
  public ObjectNode data() {
    return data.deepCopy();
  }

  /** The CloudEvent as JSON: the envelope attributes, then {@code data}. */
  public ObjectNode toJson() {
    ObjectNode event = JsonNodeFactory.instance.objectNode()
        .put("specversion", SPEC_VERSION)
        .put("id", id)
        .put("source", source)
        .put("type", type)
        .put("subject", subject)
        .put("time", time.toString())
        .put("datacontenttype", DATA_CONTENT_TYPE);
    event.set("data", data.deepCopy());
    return event;
  }

  /** The body of a delivery (UTF-8), and what its signature is computed over. */
  public byte[] toJsonBytes() {
    try {
      return JSON.writeValueAsBytes(toJson());
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
