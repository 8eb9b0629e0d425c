package io.plantsync.aggregates.common;

import io.plantsync.aggregates.observability.EntityMetrics;

/** What an entity uses of its node: the meters of its type and the node's {@link PauseFence}. */
public record EntityServices(EntityMetrics metrics, PauseFence fence) {}
