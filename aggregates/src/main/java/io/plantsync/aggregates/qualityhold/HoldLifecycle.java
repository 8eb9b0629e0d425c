package io.plantsync.aggregates.qualityhold;

import static io.plantsync.aggregates.qualityhold.HoldStatus.PLACED;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one transition table of a quality hold: from which statuses each command type may be
 * applied. Only place may be applied to a hold that does not exist yet, and only then.
 */
public final class HoldLifecycle {
  private HoldLifecycle() {}

  private static final Set<String> CREATING = Set.of(CommandTypes.PLACE);

  private static final Map<String, Set<HoldStatus>> ALLOWED_FROM =
      Map.of(
          CommandTypes.PLACE, EnumSet.noneOf(HoldStatus.class),
          CommandTypes.EXTEND, EnumSet.of(PLACED),
          CommandTypes.RELEASE, EnumSet.of(PLACED));

  /** Whether {@code commandType} may be applied to a hold in {@code from} (null: it does not exist). */
  public static boolean allows(HoldStatus from, String commandType) {
    if (from == null) return CREATING.contains(commandType);
    return ALLOWED_FROM.getOrDefault(commandType, Set.of()).contains(from);
  }

  public static Set<HoldStatus> allowedFrom(String commandType) {
    return ALLOWED_FROM.getOrDefault(commandType, Set.of());
  }
}
