package io.plantsync.projections.views;

import io.plantsync.aggregates.common.Dispatched;
import io.plantsync.aggregates.inventorylot.InventoryLot;
import io.plantsync.aggregates.inventorylot.InventoryLotCommand;
import io.plantsync.aggregates.inventorylot.InventoryLotState;
import io.plantsync.aggregates.inventorylot.LotKey;
import io.plantsync.aggregates.productionorder.OrderKey;
import io.plantsync.aggregates.productionorder.ProductionOrder;
import io.plantsync.aggregates.productionorder.ProductionOrderCommand;
import io.plantsync.aggregates.productionorder.ProductionOrderState;
import io.plantsync.aggregates.qualityhold.HoldKey;
import io.plantsync.aggregates.qualityhold.QualityHold;
import io.plantsync.aggregates.qualityhold.QualityHoldCommand;
import io.plantsync.aggregates.qualityhold.QualityHoldState;
import io.plantsync.projections.StoreSession;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.stream.javadsl.Source;

/**
 * Compares every view row of a plant with the state of its object, asked from the entity itself.
 * A row whose object version is below the entity's is reported as {@code behind} (the view has not
 * caught up yet); any other difference as {@code different} (a defect). Reads the plant's view rows
 * whole: an operations tool for a plant at a time, not a query for every minute.
 */
public final class ConsistencyCheck {

  /** One field of one view row that does not match its object. */
  public record Mismatch(String view, String objectId, String kind, String field, String viewValue, String objectValue) {}

  public record Report(String plant, Instant at, long rowsChecked, List<Mismatch> mismatches) {}

  private static final int PARALLELISM = 16;

  private final ActorSystem<?> system;
  private final ClusterSharding sharding;
  private final StoreSession session;
  private final String keyspace;
  private final Duration timeout;

  public ConsistencyCheck(ActorSystem<?> system, StoreSession session, String keyspace, Duration timeout) {
    this.system = system;
    this.sharding = ClusterSharding.get(system);
    this.session = session;
    this.keyspace = keyspace;
    this.timeout = timeout;
  }

  public CompletionStage<Report> check(String plant) {
    var orders = compare(plant, "production-orders", ViewTables.selectProductionOrders(keyspace, false),
        ViewTables::productionOrder, row -> new OrderKey(row.plant(), row.order()).entityId(),
        ProductionOrder.ENTITY_TYPE_KEY, ProductionOrderCommand.Get::new, ProductionOrderRow::of);
    var lots = compare(plant, "inventory-lots", ViewTables.selectInventoryLotsAfterMaterial(keyspace),
        ViewTables::inventoryLot, row -> new LotKey(row.plant(), row.material(), row.batch()).entityId(),
        InventoryLot.ENTITY_TYPE_KEY, InventoryLotCommand.Get::new, InventoryLotRow::of, "");
    var holds = compare(plant, "quality-holds", ViewTables.selectQualityHolds(keyspace, false),
        ViewTables::qualityHold, row -> new HoldKey(row.plant(), row.hold()).entityId(),
        QualityHold.ENTITY_TYPE_KEY, QualityHoldCommand.Get::new, QualityHoldRow::of);
    return orders.thenCombine(lots, ConsistencyCheck::concat).thenCombine(holds, ConsistencyCheck::concat)
        .thenApply(results -> new Report(plant, Instant.now(), results.size(),
            results.stream().flatMap(List::stream).toList()));
  }

  private <R extends Record, M, S> CompletionStage<List<List<Mismatch>>> compare(
      String plant, String view, String cql, Function<com.datastax.oss.driver.api.core.cql.Row, R> toRow,
      Function<R, String> entityId, EntityTypeKey<M> type, Function<ActorRef<S>, M> get,
      Function<S, Optional<R>> expected, Object... moreValues) {
    Object[] values = new Object[1 + moreValues.length];
    values[0] = plant;
    System.arraycopy(moreValues, 0, values, 1, moreValues.length);
    return session.selectAll(cql, values).thenCompose(rows -> Dispatched.on(system, Source.from(rows)
        .map(toRow::apply)
        .mapAsync(PARALLELISM, row -> Dispatched.on(system, sharding.entityRefFor(type, entityId.apply(row))
                .<S>ask(get::apply, timeout))
            .thenApply(state -> differences(view, entityId.apply(row), row, expected.apply(state))))
        .runFold(new ArrayList<List<Mismatch>>(), (all, one) -> {
          all.add(one);
          return all;
        }, system)));
  }

  private static <R extends Record> List<Mismatch> differences(String view, String objectId, R row, Optional<R> object) {
    if (object.isEmpty()) return List.of(new Mismatch(view, objectId, "different", "*", "row", "no such object"));
    String kind = version(row) < version(object.get()) ? "behind" : "different";
    List<Mismatch> found = new ArrayList<>();
    for (RecordComponent component : row.getClass().getRecordComponents()) {
      Object inView = value(component, row);
      Object inObject = value(component, object.get());
      if (!same(inView, inObject)) {
        found.add(new Mismatch(view, objectId, kind, component.getName(), String.valueOf(inView), String.valueOf(inObject)));
      }
    }
    return found;
  }

  /** Cassandra keeps decimals' scale and timestamps to the millisecond: compare what they can hold. */
  private static boolean same(Object a, Object b) {
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) return x.compareTo(y) == 0;
    if (a instanceof Instant x && b instanceof Instant y) return x.truncatedTo(ChronoUnit.MILLIS).equals(y.truncatedTo(ChronoUnit.MILLIS));
    return Objects.equals(a, b);
  }

  private static long version(Record row) {
    for (RecordComponent component : row.getClass().getRecordComponents()) {
      if (component.getName().equals("objectVersion")) return (long) value(component, row);
    }
    return 0;
  }

  private static Object value(RecordComponent component, Record row) {
    try {
      return component.getAccessor().invoke(row);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
