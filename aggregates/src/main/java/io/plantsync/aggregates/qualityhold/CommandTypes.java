package io.plantsync.aggregates.qualityhold;

import java.util.List;

/** The wire names of the quality-hold command types (src/docs/contract.md). */
public final class CommandTypes {
  private CommandTypes() {}

  public static final String PLACE = "quality-hold.place";
  public static final String EXTEND = "quality-hold.extend";
  public static final String RELEASE = "quality-hold.release";

  public static final List<String> ALL = List.of(PLACE, EXTEND, RELEASE);
}
