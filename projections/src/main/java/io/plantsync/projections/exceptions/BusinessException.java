package io.plantsync.projections.exceptions;

import java.time.Instant;

/**
 * One rejected command, as the plant's people see it: who sent what to which object, and why it
 * was refused. {@code code} is the problem code on the wire ({@code invalid-transition}),
 * {@code objectType} the object's type prefix ({@code production-order}), {@code objectId} its
 * entity id ({@code 1000/100234}).
 */
public record BusinessException(
    Instant at,
    String adapterId,
    String adapterKind,
    String plant,
    String objectType,
    String objectId,
    String commandType,
    String messageId,
    String code,
    String detail) {}
