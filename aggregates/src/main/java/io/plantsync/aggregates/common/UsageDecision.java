package io.plantsync.aggregates.common;

/** The QM usage decision that ends a quality hold: accept the material or reject it (stock to BLOCKED). */
public enum UsageDecision { ACCEPT, REJECT }
