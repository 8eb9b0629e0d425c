package io.plantsync.bench;

/** W1: every command creates an object, alternately a production order and an inventory lot. */
final class CreateHeavy implements Workload {

  private final String run;

  CreateHeavy(String run) {
    this.run = run;
  }

  @Override
  public Command next(long seq) {
    String id = "W1-" + run + "-" + seq;
    return seq % 2 == 0 ? Envelopes.plan(id, "N" + run + "-" + seq)
        : Envelopes.receive(id, "RM-NEW", run + "-" + seq, "10");
  }
}
