package io.plantsync.http.commands;

import static io.plantsync.http.commands.ObjectKind.INVENTORY_LOT;

import io.plantsync.aggregates.inventorylot.CommandTypes;
import io.plantsync.aggregates.inventorylot.InventoryLot;
import io.plantsync.aggregates.inventorylot.InventoryLotCommand;
import io.plantsync.aggregates.inventorylot.InventoryLotCommand.*;
import io.plantsync.aggregates.inventorylot.StockType;
import java.util.List;

/** The {@code data} of each inventory-lot command type, as src/docs/contract.md lists it. */
final class InventoryLotCommandSpecs {
  private InventoryLotCommandSpecs() {}

  static List<CommandSpec<InventoryLotCommand>> all() {
    return List.of(
        spec(CommandTypes.RECEIVE, (data, origin) -> {
          String movementId = data.id("movementId");
          var quantity = data.quantity("quantity");
          String uom = data.uom("uom");
          String location = data.key("storageLocation");
          StockType stockType = data.optionalEnum("stockType", StockType.class);
          String order = data.optionalKey("order");
          return data.errors().isEmpty()
              ? replyTo -> new Receive(origin, movementId, quantity, uom, location, stockType, order, replyTo) : null;
        }),
        spec(CommandTypes.ISSUE, (data, origin) -> {
          String movementId = data.id("movementId");
          var quantity = data.quantity("quantity");
          String location = data.key("storageLocation");
          String order = data.optionalKey("order");
          String reservationId = data.optionalId("reservationId");
          Boolean finalIssue = data.optionalFlag("finalIssue");
          return data.errors().isEmpty()
              ? replyTo -> new Issue(origin, movementId, quantity, location, order, reservationId, finalIssue, replyTo)
              : null;
        }),
        spec(CommandTypes.TRANSFER, (data, origin) -> {
          String movementId = data.id("movementId");
          var quantity = data.quantity("quantity");
          String from = data.key("fromStorageLocation");
          String to = data.key("toStorageLocation");
          return data.errors().isEmpty()
              ? replyTo -> new Transfer(origin, movementId, quantity, from, to, replyTo) : null;
        }),
        spec(CommandTypes.CHANGE_STOCK_TYPE, (data, origin) -> {
          String movementId = data.id("movementId");
          var quantity = data.quantity("quantity");
          String location = data.key("storageLocation");
          StockType from = data.enumValue("from", StockType.class);
          StockType to = data.enumValue("to", StockType.class);
          return data.errors().isEmpty()
              ? replyTo -> new ChangeStockType(origin, movementId, quantity, location, from, to, replyTo) : null;
        }),
        spec(CommandTypes.SCRAP, (data, origin) -> {
          String movementId = data.id("movementId");
          var quantity = data.quantity("quantity");
          String location = data.key("storageLocation");
          StockType stockType = data.enumValue("stockType", StockType.class);
          return data.errors().isEmpty()
              ? replyTo -> new Scrap(origin, movementId, quantity, location, stockType, replyTo) : null;
        }),
        spec(CommandTypes.COUNT, (data, origin) -> {
          String countId = data.id("countId");
          String location = data.key("storageLocation");
          StockType stockType = data.enumValue("stockType", StockType.class);
          var counted = data.quantity("countedQuantity");
          return data.errors().isEmpty()
              ? replyTo -> new Count(origin, countId, location, stockType, counted, replyTo) : null;
        }),
        spec(CommandTypes.REVERSE, (data, origin) -> {
          String movementId = data.id("movementId");
          String reversed = data.id("reversedMovementId");
          return data.errors().isEmpty() ? replyTo -> new Reverse(origin, movementId, reversed, replyTo) : null;
        }),
        spec(CommandTypes.RESERVE, (data, origin) -> {
          String reservationId = data.id("reservationId");
          var quantity = data.quantity("quantity");
          String order = data.key("order");
          return data.errors().isEmpty()
              ? replyTo -> new Reserve(origin, reservationId, quantity, order, replyTo) : null;
        }),
        spec(CommandTypes.RELEASE_RESERVATION, (data, origin) -> {
          String reservationId = data.id("reservationId");
          return data.errors().isEmpty() ? replyTo -> new ReleaseReservation(origin, reservationId, replyTo) : null;
        }));
  }

  private static CommandSpec<InventoryLotCommand> spec(String type, CommandSpec.DataReader<InventoryLotCommand> reader) {
    return new CommandSpec<>(type, INVENTORY_LOT, InventoryLot.ENTITY_TYPE_KEY, reader);
  }
}
