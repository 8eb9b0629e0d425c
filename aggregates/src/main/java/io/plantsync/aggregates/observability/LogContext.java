package io.plantsync.aggregates.observability;

import io.plantsync.aggregates.EntityKeys;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.MDC;

/**
 * The business keys on every log line about a command or an object, as MDC entries (one field each
 * in JSON logs): {@code adapterId}, {@code messageId}, {@code objectKey} and {@code plant}. The
 * object key is the object's persistence id ({@code ProductionOrder|1000/100234}), the same string
 * Pekko's own persistence log lines carry as {@code persistenceId}.
 *
 * <p>MDC is per thread, and PlantSync's code runs on whichever thread completes a future: the keys
 * are set around a log call only ({@link #around}), never across an asynchronous step.
 */
public final class LogContext {
  private LogContext() {}

  public static final String ADAPTER_ID = "adapterId";
  public static final String MESSAGE_ID = "messageId";
  public static final String OBJECT_KEY = "objectKey";
  public static final String PLANT = "plant";

  /**
   * Runs {@code logging} (log calls) with the given keys in the MDC, then restores what was there.
   * Null keys are left out; the plant is read from the object key.
   */
  public static void around(String adapterId, String messageId, String objectKey, Runnable logging) {
    Map<String, String> entries = entries(adapterId, messageId, objectKey);
    Map<String, String> previous = new HashMap<>();
    entries.forEach((key, value) -> {
      previous.put(key, MDC.get(key));
      MDC.put(key, value);
    });
    try {
      logging.run();
    } finally {
      previous.forEach((key, value) -> {
        if (value == null) MDC.remove(key);
        else MDC.put(key, value);
      });
    }
  }

  /** {@code <EntityType>|<entity id>}: the persistence id. */
  public static String objectKey(String entityType, String entityId) {
    return entityType + "|" + entityId;
  }

  private static Map<String, String> entries(String adapterId, String messageId, String objectKey) {
    Map<String, String> entries = new LinkedHashMap<>();
    if (adapterId != null) entries.put(ADAPTER_ID, adapterId);
    if (messageId != null) entries.put(MESSAGE_ID, messageId);
    if (objectKey != null) {
      entries.put(OBJECT_KEY, objectKey);
      String plant = plantOf(objectKey);
      if (plant != null) entries.put(PLANT, plant);
    }
    return entries;
  }

  /** The plant of an object key, read by its object's key format; null if it is no object's key. */
  static String plantOf(String objectKey) {
    try {
      return EntityKeys.ofPersistenceId(objectKey).plant();
    } catch (IllegalArgumentException notAnObjectKey) {
      return null;
    }
  }
}
