package io.plantsync.http.commands;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every command type the adapter API accepts, by its canonical name. */
public final class CommandCatalog {

  private final Map<String, CommandSpec<?>> specs = new LinkedHashMap<>();

  public CommandCatalog(List<? extends CommandSpec<?>> all) {
    for (CommandSpec<?> spec : all) {
      if (specs.put(spec.type(), spec) != null) throw new IllegalArgumentException("duplicate " + spec.type());
    }
  }

  /** The catalog of src/docs/contract.md, "Command catalogue". */
  public static CommandCatalog canonical() {
    List<CommandSpec<?>> all = new java.util.ArrayList<>();
    all.addAll(ProductionOrderCommandSpecs.all());
    all.addAll(InventoryLotCommandSpecs.all());
    all.addAll(QualityHoldCommandSpecs.all());
    return new CommandCatalog(all);
  }

  public CommandSpec<?> find(String type) {
    return specs.get(type);
  }

  public Set<String> types() {
    return specs.keySet();
  }
}
