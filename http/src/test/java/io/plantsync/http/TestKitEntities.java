package io.plantsync.http;

import com.typesafe.config.ConfigFactory;
import io.plantsync.aggregates.AggregateSettings;
import io.plantsync.aggregates.inventorylot.InventoryLot;
import io.plantsync.aggregates.productionorder.ProductionOrder;
import io.plantsync.aggregates.qualityhold.QualityHold;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;

/**
 * The real entities behind route tests, without a cluster: each object is spawned on first ask, on
 * Pekko's in-memory journal, with the canonical settings, and answers exactly as it would on a node.
 */
final class TestKitEntities implements EntityGateway, AutoCloseable {

  private final ActorTestKit testKit =
      ActorTestKit.create(EventSourcedBehaviorTestKit.config().withFallback(ConfigFactory.load()));
  private final AggregateSettings settings = AggregateSettings.fromConfig(ConfigFactory.load());
  private final Map<String, ActorRef<Object>> objects = new ConcurrentHashMap<>();

  @Override
  public <M, R> CompletionStage<R> ask(EntityTypeKey<M> entityType, String entityId, Function<ActorRef<R>, M> message) {
    return ask(entityType, entityId, message, Duration.ofSeconds(5));
  }

  @Override
  public <M, R> CompletionStage<R> ask(
      EntityTypeKey<M> entityType, String entityId, Function<ActorRef<R>, M> message, Duration timeout) {
    ActorRef<Object> object = objects.computeIfAbsent(entityType.name() + "|" + entityId,
        key -> testKit.spawn(behaviorOf(entityType, entityId, settings)));
    return AskPattern.ask(object, replyTo -> message.apply(replyTo), timeout, testKit.scheduler());
  }

  /** From now on {@code entityId} of {@code type} never answers, as if its node were gone: asks time out. */
  void silence(EntityTypeKey<?> type, String entityId) {
    objects.put(type.name() + "|" + entityId, testKit.spawn(Behaviors.ignore()));
  }

  /** The behavior a node runs for {@code entityId} of {@code type}. */
  @SuppressWarnings("unchecked")
  static Behavior<Object> behaviorOf(EntityTypeKey<?> type, String entityId, AggregateSettings settings) {
    Clock clock = Clock.systemUTC();
    Behavior<?> behavior;
    if (type.equals(ProductionOrder.ENTITY_TYPE_KEY)) behavior = ProductionOrder.create(entityId, settings, clock);
    else if (type.equals(InventoryLot.ENTITY_TYPE_KEY)) behavior = InventoryLot.create(entityId, settings, clock);
    else if (type.equals(QualityHold.ENTITY_TYPE_KEY)) behavior = QualityHold.create(entityId, settings, clock);
    else throw new IllegalArgumentException("no entity for " + type);
    return (Behavior<Object>) behavior;
  }

  @Override
  public void close() {
    testKit.shutdownTestKit();
  }
}
