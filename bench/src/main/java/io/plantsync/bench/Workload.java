package io.plantsync.bench;

/** What a rate-stepped workload sends. Called from the generator's one sending thread. */
public interface Workload {

  /** The {@code seq}-th command of the run (numbered across warm-up and all steps, from 0). */
  Command next(long seq);
}
