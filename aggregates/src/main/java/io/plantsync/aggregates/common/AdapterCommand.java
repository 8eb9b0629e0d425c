package io.plantsync.aggregates.common;

/** Sent by a system adapter over HTTP: checked against the system-of-record matrix. */
public interface AdapterCommand extends GovernedCommand {}
