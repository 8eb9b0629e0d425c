package io.plantsync.aggregates.governance;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which adapter kinds own which command type. The defaults (src/docs/contract.md) live in this module's
 * reference.conf under {@code plantsync.system-of-record}; a deployment may override any row.
 * A command type missing from the matrix is owned by nobody, so it is always refused.
 */
public record SystemOfRecord(Map<String, Set<AdapterKind>> owners) {

  public SystemOfRecord {
    Map<String, Set<AdapterKind>> copy = new HashMap<>();
    owners.forEach((type, kinds) -> copy.put(type, Set.copyOf(kinds)));
    owners = Map.copyOf(copy);
  }

  public static SystemOfRecord fromConfig(Config config) {
    Map<String, Set<AdapterKind>> owners = new HashMap<>();
    for (Map.Entry<String, ConfigValue> row : config.root().entrySet()) {
      @SuppressWarnings("unchecked")
      List<Object> kinds = (List<Object>) row.getValue().unwrapped();
      EnumSet<AdapterKind> set = EnumSet.noneOf(AdapterKind.class);
      for (Object kind : kinds) {
        try {
          set.add(AdapterKind.valueOf(kind.toString()));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "plantsync.system-of-record: unknown adapter kind '" + kind + "' for " + row.getKey());
        }
      }
      owners.put(row.getKey(), set);
    }
    return new SystemOfRecord(owners);
  }

  public boolean owns(AdapterKind kind, String commandType) {
    return owners.getOrDefault(commandType, Set.of()).contains(kind);
  }

  public Set<AdapterKind> ownersOf(String commandType) {
    return owners.getOrDefault(commandType, Set.of());
  }
}
