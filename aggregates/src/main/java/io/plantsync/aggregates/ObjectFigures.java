package io.plantsync.aggregates;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.plantsync.aggregates.inventorylot.LotFigures;
import io.plantsync.aggregates.productionorder.OrderFigures;
import io.plantsync.aggregates.qualityhold.HoldFigures;

/**
 * What an object's figures are after an event: the values a reader that keeps no state needs (a
 * view row), carried on every event ({@code EventMeta.figures}) so that views are written from the
 * event alone instead of asking the object. Null on events recorded before events carried them.
 * Stored with a {@code kind} name, so the classes can move without breaking the journal.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = LotFigures.class, name = "lot"),
  @JsonSubTypes.Type(value = OrderFigures.class, name = "order"),
  @JsonSubTypes.Type(value = HoldFigures.class, name = "hold")
})
public interface ObjectFigures extends CborSerializable {}
