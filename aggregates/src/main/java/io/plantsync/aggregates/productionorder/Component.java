package io.plantsync.aggregates.productionorder;

import io.plantsync.aggregates.CborSerializable;
import java.math.BigDecimal;

/** A material the order consumes (bill-of-material line of a released order). */
public record Component(String material, BigDecimal quantity, String uom)
    implements CborSerializable {}
