package io.plantsync.projections.outbound.events;

import io.plantsync.aggregates.common.EventMeta;
import io.plantsync.aggregates.common.GovernedEvent;
import io.plantsync.aggregates.inventorylot.InventoryLotEvent;
import io.plantsync.aggregates.productionorder.ProductionOrderEvent;
import io.plantsync.aggregates.qualityhold.QualityHoldEvent;
import java.time.Instant;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.projection.eventsourced.EventEnvelope;

/**
 * Maps a journal event to its public CloudEvent: the one place where internal events become the
 * public, versioned contract (src/contracts/events/). Every internal event is a business fact and is
 * published, including those PlantSync's orchestration causes (a hold reaching an order or a lot,
 * a goods receipt reaching its order). Its {@code data} is, in this order: the object's keys
 * ({@code plant} and {@code order}, {@code material}+{@code batch} or {@code hold}), the event's
 * own fields, and its cause: {@code objectVersion} (the object's version after the event, as reads
 * show it), {@code messageId} and {@code adapterId} of the command, {@code sourceVersion} and
 * {@code occurredAt} when the sender gave them (else null). For PlantSync's own commands the
 * adapterId is {@code plantsync} and the messageId is {@code plantsync:} + the id of the public event
 * that caused it.
 */
public final class PublicEventMapper {
  private PublicEventMapper() {}

  public static PublicEvent map(EventEnvelope<?> envelope) {
    return map(PersistenceId.extractEntityType(envelope.persistenceId()),
        PersistenceId.extractEntityId(envelope.persistenceId()), envelope.sequenceNr(), envelope.timestamp(),
        envelope.event());
  }

  /**
   * @param sequenceNr the event's sequence number in its object's journal
   * @param timestampMillis when the journal stored it (the envelope timestamp)
   * @throws IllegalArgumentException for an entity type or event without a public contract
   */
  public static PublicEvent map(
      String entityTypeName, String entityId, long sequenceNr, long timestampMillis, Object event) {
    PublicObject object = PublicObject.ofEntityType(entityTypeName);
    EventBody body = switch (object) {
      case PRODUCTION_ORDER -> ProductionOrderEvents.map(as(ProductionOrderEvent.class, entityTypeName, event));
      case INVENTORY_LOT -> InventoryLotEvents.map(as(InventoryLotEvent.class, entityTypeName, event));
      case QUALITY_HOLD -> QualityHoldEvents.map(as(QualityHoldEvent.class, entityTypeName, event));
    };
    PublicData data = PublicData.fields()
        .with(object.keys(entityId))
        .with(body.fields())
        .with(cause(sequenceNr, ((GovernedEvent) event).meta()));
    String id = PersistenceId.of(entityTypeName, entityId).id() + "#" + sequenceNr;
    String source = "/plantsync/" + data.node().get("plant").asText();
    return new PublicEvent(id, source, body.type(), entityId, Instant.ofEpochMilli(timestampMillis), data.node());
  }

  private static PublicData cause(long sequenceNr, EventMeta meta) {
    return PublicData.fields()
        .integer("objectVersion", sequenceNr)
        .text("messageId", meta.messageId())
        .text("adapterId", meta.adapterId())
        .integer("sourceVersion", meta.sourceVersion())
        .time("occurredAt", meta.occurredAt());
  }

  private static <E> E as(Class<E> eventClass, String entityTypeName, Object event) {
    if (!eventClass.isInstance(event)) {
      throw new IllegalArgumentException(
          "a " + entityTypeName + " journal holds " + event.getClass().getName() + ", not a " + eventClass.getName());
    }
    return eventClass.cast(event);
  }
}
