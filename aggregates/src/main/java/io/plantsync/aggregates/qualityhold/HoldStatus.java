package io.plantsync.aggregates.qualityhold;

/**
 * Lifecycle of a quality hold. A hold never returns to PLACED: a new problem with released material
 * is a new QMS notification, hence a new hold.
 */
public enum HoldStatus {
  /** In force: every lot and order in scope is held. */
  PLACED,
  /** Ended by the QM usage decision; the holds on its scope are lifted. */
  RELEASED
}
