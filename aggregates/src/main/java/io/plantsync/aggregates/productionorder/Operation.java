package io.plantsync.aggregates.productionorder;

import io.plantsync.aggregates.CborSerializable;

/** One routing step of a released order, e.g. operation "0010" at work center "ASSY-01". */
public record Operation(String operation, String workCenter) implements CborSerializable {}
