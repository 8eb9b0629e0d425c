package io.plantsync.projections.orchestration;

import io.plantsync.aggregates.AggregateSettings;
import io.plantsync.aggregates.inventorylot.InventoryLot;
import io.plantsync.aggregates.inventorylot.InventoryLotEvent;
import io.plantsync.aggregates.qualityhold.QualityHold;
import io.plantsync.aggregates.qualityhold.QualityHoldEvent;
import io.plantsync.projections.TaggedProjection;
import io.plantsync.projections.monitoring.ProjectionMonitor;
import org.apache.pekko.actor.typed.ActorSystem;

/** PlantSync's own orchestration: the projections that turn one object's events into others' commands. */
public final class Orchestration {
  private Orchestration() {}

  public static void start(ActorSystem<?> system, ProjectionMonitor monitor, AggregateSettings aggregates) {
    var config = system.settings().config().getConfig("plantsync.projections");
    CommandFanOut fanOut = new CommandFanOut(system, config.getDuration("orchestration-timeout"),
        config.getInt("orchestration-parallelism"));
    TaggedProjection.<QualityHoldEvent>start(system, monitor, HoldPropagation.PROJECTION_NAME,
        QualityHold.ENTITY_TYPE_KEY.name(), aggregates.tagPartitions(), () -> new HoldPropagation(fanOut));
    TaggedProjection.<InventoryLotEvent>start(system, monitor, GoodsReceiptsToOrders.PROJECTION_NAME,
        InventoryLot.ENTITY_TYPE_KEY.name(), aggregates.tagPartitions(), () -> new GoodsReceiptsToOrders(fanOut));
  }
}
