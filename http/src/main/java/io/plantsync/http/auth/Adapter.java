package io.plantsync.http.auth;

import io.plantsync.aggregates.governance.AdapterKind;
import java.util.Set;

/** An authenticated caller: which system it is and which plants it may act on ("*" = all). */
public record Adapter(String id, AdapterKind kind, Set<String> plants) {

  public static final String ALL_PLANTS = "*";

  public Adapter {
    plants = Set.copyOf(plants);
  }

  public boolean mayActOn(String plant) {
    return plants.contains(ALL_PLANTS) || plants.contains(plant);
  }
}
