package io.plantsync.projections.outbound.events;

/** What one internal event says publicly: its public type and its own data fields. */
record EventBody(String type, PublicData fields) {}
