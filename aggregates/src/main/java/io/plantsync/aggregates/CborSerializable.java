package io.plantsync.aggregates;

/**
 * Marker for every message, event and state that is persisted or crosses nodes. Bound to Pekko's
 * jackson-cbor serializer in configuration; Java serialization is switched off.
 */
public interface CborSerializable {}
