package io.plantsync.aggregates.common;

import io.plantsync.aggregates.observability.EntityLifecycle;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.PreRestart;
import org.apache.pekko.actor.typed.Signal;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import scala.Function1;
import scala.Tuple2;
import scala.runtime.AbstractPartialFunction;
import scala.runtime.BoxedUnit;

/**
 * An entity's recovered / restarting / stopped signals, passed to its {@link EntityLifecycle}. One
 * small object per entity: Pekko's signal handler builder makes a function, a case and a link per
 * signal, ~190 bytes for every live entity (performance.md, heap per object). Other signals stay
 * unhandled, so Pekko treats them as before.
 *
 * @param <S> the entity's state
 */
final class LifecycleSignals<S> extends AbstractPartialFunction<Tuple2<S, Signal>, BoxedUnit> {

  private final EntityLifecycle lifecycle;

  LifecycleSignals(EntityLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public boolean isDefinedAt(Tuple2<S, Signal> stateAndSignal) {
    Signal signal = stateAndSignal._2();
    return signal instanceof RecoveryCompleted || signal instanceof PreRestart || signal instanceof PostStop;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <A1 extends Tuple2<S, Signal>, B1> B1 applyOrElse(A1 stateAndSignal, Function1<A1, B1> otherwise) {
    Signal signal = stateAndSignal._2();
    if (signal instanceof RecoveryCompleted) {
      lifecycle.recovered();
    } else if (signal instanceof PreRestart) {
      lifecycle.restarting();
    } else if (signal instanceof PostStop) {
      lifecycle.stopped();
    } else {
      return otherwise.apply(stateAndSignal);
    }
    return (B1) BoxedUnit.UNIT;
  }
}
