package io.plantsync.projections.views;

import com.datastax.oss.driver.api.core.cql.Row;
import java.util.Collections;
import java.util.List;

/**
 * The view tables: their schema, and the one place that knows their columns (statements and the
 * mapping between rows and records). Every table is partitioned by plant, so a query reads one
 * partition. Rows are written {@code USING TIMESTAMP objectVersion}: Cassandra then keeps, for each
 * object, the row of its highest version, whatever order the writes arrive in.
 */
public final class ViewTables {
  private ViewTables() {}

  static final String PRODUCTION_ORDERS = "view_production_orders";
  static final String INVENTORY_LOTS = "view_inventory_lots";
  static final String QUALITY_HOLDS = "view_quality_holds";

  /** CREATE TABLE IF NOT EXISTS statements, for dev/test start-up and the production schema. */
  public static List<String> createStatements(String keyspace) {
    return List.of("""
        CREATE TABLE IF NOT EXISTS %s.%s (
          plant text,
          order_number text,
          status text,
          sap_status text,
          material text,
          quantity decimal,
          uom text,
          confirmed_yield decimal,
          confirmed_scrap decimal,
          delivered_quantity decimal,
          held boolean,
          interrupted boolean,
          priority int,
          object_version bigint,
          last_changed timestamp,
          PRIMARY KEY ((plant), order_number))""".formatted(keyspace, PRODUCTION_ORDERS), """
        CREATE TABLE IF NOT EXISTS %s.%s (
          plant text,
          material text,
          batch_number text,
          uom text,
          unrestricted decimal,
          quality decimal,
          blocked decimal,
          reserved decimal,
          held boolean,
          atp decimal,
          object_version bigint,
          last_changed timestamp,
          PRIMARY KEY ((plant), material, batch_number))""".formatted(keyspace, INVENTORY_LOTS), """
        CREATE TABLE IF NOT EXISTS %s.%s (
          plant text,
          hold_number text,
          status text,
          reason text,
          lot_count int,
          order_count int,
          decision text,
          placed_at timestamp,
          released_at timestamp,
          object_version bigint,
          last_changed timestamp,
          PRIMARY KEY ((plant), hold_number))""".formatted(keyspace, QUALITY_HOLDS));
  }

  // ---- production orders ----

  private static final String ORDER_COLUMNS = "plant, order_number, status, sap_status, material, quantity, uom, "
      + "confirmed_yield, confirmed_scrap, delivered_quantity, held, interrupted, priority, object_version, "
      + "last_changed";

  static String upsertProductionOrder(String keyspace) {
    return upsert(keyspace, PRODUCTION_ORDERS, ORDER_COLUMNS);
  }

  static Object[] values(ProductionOrderRow r) {
    return new Object[] {r.plant(), r.order(), r.status(), r.sapStatus(), r.material(), r.quantity(), r.uom(),
        r.confirmedYield(), r.confirmedScrap(), r.deliveredQuantity(), r.held(), r.interrupted(), r.priority(),
        r.objectVersion(), r.lastChangedAt(), r.objectVersion()};
  }

  /**
   * The orders of a plant, optionally of one status. The status is filtered by Cassandra inside
   * the plant's partition (ALLOW FILTERING reads the whole partition, not the cluster).
   */
  static String selectProductionOrders(String keyspace, boolean byStatus) {
    return select(keyspace, PRODUCTION_ORDERS, ORDER_COLUMNS, ofPlant(byStatus));
  }

  static ProductionOrderRow productionOrder(Row row) {
    return new ProductionOrderRow(row.getString("plant"), row.getString("order_number"), row.getString("status"),
        row.getString("sap_status"), row.getString("material"), row.getBigDecimal("quantity"), row.getString("uom"),
        row.getBigDecimal("confirmed_yield"), row.getBigDecimal("confirmed_scrap"),
        row.getBigDecimal("delivered_quantity"), row.getBoolean("held"), row.getBoolean("interrupted"),
        row.getInt("priority"), row.getLong("object_version"), row.getInstant("last_changed"));
  }

  // ---- inventory lots ----

  private static final String LOT_COLUMNS = "plant, material, batch_number, uom, unrestricted, quality, blocked, "
      + "reserved, held, atp, object_version, last_changed";

  static String upsertInventoryLot(String keyspace) {
    return upsert(keyspace, INVENTORY_LOTS, LOT_COLUMNS);
  }

  static Object[] values(InventoryLotRow r) {
    return new Object[] {r.plant(), r.material(), r.batch(), r.uom(), r.unrestricted(), r.quality(), r.blocked(),
        r.reserved(), r.held(), r.atp(), r.objectVersion(), r.lastChangedAt(), r.objectVersion()};
  }

  /** The lots of one material of a plant. */
  static String selectInventoryLotsOfMaterial(String keyspace) {
    return select(keyspace, INVENTORY_LOTS, LOT_COLUMNS, "plant = ? AND material = ?");
  }

  /** The lots of a plant whose material sorts after the given one, in material order. */
  static String selectInventoryLotsAfterMaterial(String keyspace) {
    return select(keyspace, INVENTORY_LOTS, LOT_COLUMNS, "plant = ? AND material > ?");
  }

  static InventoryLotRow inventoryLot(Row row) {
    return new InventoryLotRow(row.getString("plant"), row.getString("material"), row.getString("batch_number"),
        row.getString("uom"), row.getBigDecimal("unrestricted"), row.getBigDecimal("quality"),
        row.getBigDecimal("blocked"), row.getBigDecimal("reserved"), row.getBoolean("held"),
        row.getBigDecimal("atp"), row.getLong("object_version"), row.getInstant("last_changed"));
  }

  // ---- quality holds ----

  private static final String HOLD_COLUMNS = "plant, hold_number, status, reason, lot_count, order_count, decision, "
      + "placed_at, released_at, object_version, last_changed";

  static String upsertQualityHold(String keyspace) {
    return upsert(keyspace, QUALITY_HOLDS, HOLD_COLUMNS);
  }

  static Object[] values(QualityHoldRow r) {
    return new Object[] {r.plant(), r.hold(), r.status(), r.reason(), r.lotCount(), r.orderCount(), r.decision(),
        r.placedAt(), r.releasedAt(), r.objectVersion(), r.lastChangedAt(), r.objectVersion()};
  }

  /** The holds of a plant, optionally of one status (filtered inside the partition, as for orders). */
  static String selectQualityHolds(String keyspace, boolean byStatus) {
    return select(keyspace, QUALITY_HOLDS, HOLD_COLUMNS, ofPlant(byStatus));
  }

  static QualityHoldRow qualityHold(Row row) {
    return new QualityHoldRow(row.getString("plant"), row.getString("hold_number"), row.getString("status"),
        row.getString("reason"), row.getInt("lot_count"), row.getInt("order_count"), row.getString("decision"),
        row.getInstant("placed_at"), row.getInstant("released_at"), row.getLong("object_version"),
        row.getInstant("last_changed"));
  }

  /** All columns of a row, and its version as the write timestamp (the last bind value). */
  private static String upsert(String keyspace, String table, String columns) {
    String markers = String.join(", ", Collections.nCopies(columns.split(",").length, "?"));
    return "INSERT INTO %s.%s (%s) VALUES (%s) USING TIMESTAMP ?".formatted(keyspace, table, columns, markers);
  }

  /** One plant's partition, optionally only the rows of one status (filtered inside the partition). */
  private static String ofPlant(boolean byStatus) {
    return byStatus ? "plant = ? AND status = ? ALLOW FILTERING" : "plant = ?";
  }

  private static String select(String keyspace, String table, String columns, String where) {
    return "SELECT %s FROM %s.%s WHERE %s".formatted(columns, keyspace, table, where);
  }
}
