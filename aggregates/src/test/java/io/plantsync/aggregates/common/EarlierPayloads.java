package io.plantsync.aggregates.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.SerializerWithStringManifest;

/**
 * Reads a payload as an earlier version of PlantSync wrote it: the JSON given, as CBOR, under the
 * bare class name as manifest (later versions of a migrated class append "#version").
 */
public final class EarlierPayloads {
  private EarlierPayloads() {}

  private static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());

  public static Object read(ActorSystem<?> system, Class<?> type, String json) throws Exception {
    byte[] cbor = CBOR.writeValueAsBytes(new ObjectMapper().readTree(json));
    var serializer = (SerializerWithStringManifest) SerializationExtension.get(system).serializerFor(type);
    return serializer.fromBinary(cbor, type.getName());
  }
}
