package io.plantsync.aggregates.common;

/**
 * PlantSync's own command, sent by its orchestration (goods receipts onto orders, quality-hold
 * propagation) and never reachable over HTTP: not checked against the system-of-record matrix.
 */
public interface OrchestrationCommand extends GovernedCommand {}
