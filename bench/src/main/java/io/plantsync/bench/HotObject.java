package io.plantsync.bench;

/** W3: every command is a goods receipt of 1 KG on one lot, each with its own movementId. */
final class HotObject implements Workload {

  static final String MATERIAL = "RM-HOT";
  static final String BATCH = "HOT-1";

  private final String run;

  HotObject(String run) {
    this.run = run;
  }

  Command creation() {
    return Envelopes.receive("W3-" + run + "-create", MATERIAL, BATCH, "1");
  }

  @Override
  public Command next(long seq) {
    return Envelopes.receive("W3-" + run + "-" + seq, MATERIAL, BATCH, "1");
  }
}
