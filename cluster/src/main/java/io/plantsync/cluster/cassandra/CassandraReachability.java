package io.plantsync.cluster.cassandra;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * What this JVM's Cassandra sessions last heard: whether the latest answer was "no Cassandra node
 * reachable" ({@link CassandraRequestGate} reports every session's answers here). The adapter API
 * asks it before it asks an entity, so that during an outage commands are refused at once instead
 * of piling up in entities that cannot write (operations.md, "Cassandra outage").
 *
 * <p>The belief expires: during an outage paced requests fail every {@link
 * CassandraRequestGate#OUTAGE_PACE}, so a failure older than {@link #FRESH_FOR} means no request
 * has been tried since, and commands go through again to find out.
 */
public final class CassandraReachability {

  static final Duration FRESH_FOR = Duration.ofSeconds(1);
  private static final CassandraReachability JVM = new CassandraReachability(System::nanoTime);

  private final LongSupplier nanoClock;
  private volatile boolean unreachable;
  private volatile long lastUnreachableNanos;

  CassandraReachability(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

  /** Shared by every session of this JVM: they all talk to the same Cassandra. */
  static CassandraReachability inThisJvm() {
    return JVM;
  }

  /** True while the last answer was "no node reachable", and it came less than {@link #FRESH_FOR} ago. */
  public static boolean unreachableInThisJvm() {
    return JVM.unreachable();
  }

  boolean unreachable() {
    return unreachable && nanoClock.getAsLong() - lastUnreachableNanos < FRESH_FOR.toNanos();
  }

  void noNodeReachable() {
    lastUnreachableNanos = nanoClock.getAsLong();
    unreachable = true;
  }

  void answered() {
    unreachable = false;
  }
}
