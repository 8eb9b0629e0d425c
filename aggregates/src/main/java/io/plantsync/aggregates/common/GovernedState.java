package io.plantsync.aggregates.common;

/** What {@link CommandGate} reads from an entity's state. */
public interface GovernedState {
  ProcessedMessages processed();

  /** Number of events applied so far: the journal sequence number. */
  long version();
}
