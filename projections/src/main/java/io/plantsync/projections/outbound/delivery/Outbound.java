package io.plantsync.projections.outbound.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.plantsync.aggregates.AggregateSettings;
import io.plantsync.aggregates.common.Delay;
import io.plantsync.aggregates.inventorylot.InventoryLot;
import io.plantsync.aggregates.observability.PlantSyncMetrics;
import io.plantsync.aggregates.productionorder.ProductionOrder;
import io.plantsync.aggregates.qualityhold.QualityHold;
import io.plantsync.projections.TaggedProjection;
import io.plantsync.projections.monitoring.CachedReadings;
import io.plantsync.projections.monitoring.ProjectionMonitor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Outbound sync: one delivery projection per subscriber and object type ({@code outbound-<name>-<type>}),
 * so a slow or failing subscriber only ever holds up its own deliveries.
 */
public final class Outbound {

  public static final List<String> ENTITY_TYPES = List.of(
      ProductionOrder.ENTITY_TYPE_KEY.name(), InventoryLot.ENTITY_TYPE_KEY.name(), QualityHold.ENTITY_TYPE_KEY.name());

  private final Map<String, Subscriber> subscribers;
  private final Map<String, WebhookSender> senders;
  private final Map<String, SubscriberStats> stats;
  private final DeadLetters deadLetters;

  private Outbound(List<Subscriber> subscribers, DeadLetters deadLetters, MeterRegistry registry, Executor dispatcher) {
    this.subscribers = subscribers.stream().collect(Collectors.toMap(Subscriber::name, Function.identity()));
    this.senders = subscribers.stream().collect(Collectors.toMap(Subscriber::name, s -> new WebhookSender(s, dispatcher)));
    this.stats = subscribers.stream()
        .collect(Collectors.toMap(Subscriber::name, s -> new SubscriberStats(s.name(), registry)));
    this.deadLetters = deadLetters;
    registerDeadLetterGauges(registry);
  }

  public static Outbound start(ActorSystem<?> system, ProjectionMonitor monitor, AggregateSettings aggregates,
      List<Subscriber> subscribers, DeadLetters deadLetters) {
    Outbound outbound = new Outbound(subscribers, deadLetters, PlantSyncMetrics.get(system).registry(),
        system.executionContext());
    for (Subscriber subscriber : subscribers) {
      for (String entityType : ENTITY_TYPES) {
        TaggedProjection.<Object>start(system, monitor, projectionName(subscriber, entityType), entityType,
            aggregates.tagPartitions(),
            () -> new DeliveryHandler(subscriber, outbound.senders.get(subscriber.name()), deadLetters,
                outbound.stats.get(subscriber.name()), Delay.on(system)));
      }
    }
    return outbound;
  }

  static String projectionName(Subscriber subscriber, String entityType) {
    return "outbound-" + subscriber.name() + "-" + entityType;
  }

  /** The operations on dead letters (list, replay, discard) for these subscribers. */
  public DeadLetterOperations operations() {
    return new DeadLetterOperations(subscribers, senders, deadLetters);
  }

  /** Per subscriber: deliveries counted on this node and its dead letters (cluster-wide). */
  public CompletionStage<List<SubscriberStats.Snapshot>> status() {
    CompletionStage<List<SubscriberStats.Snapshot>> all = CompletableFuture.completedFuture(List.of());
    for (String name : subscribers.keySet().stream().sorted().toList()) {
      all = all.thenCompose(list -> deadLetters.count(name).thenApply(letters -> {
        List<SubscriberStats.Snapshot> more = new java.util.ArrayList<>(list);
        more.add(stats.get(name).snapshot(letters));
        return more;
      }));
    }
    return all;
  }

  /** {@code plantsync_outbound_dead_letters{subscriber}}: counted in Cassandra only while scraped. */
  private void registerDeadLetterGauges(MeterRegistry registry) {
    CachedReadings.registerGauges(registry, "plantsync.outbound.dead.letters",
        "Dead letters waiting for replay or discard, cluster-wide; refreshed at most every 30 s while scraped, "
            + "NaN if unknown",
        "subscriber", subscribers.keySet().stream().sorted().toList(), deadLetters::count);
  }

}
