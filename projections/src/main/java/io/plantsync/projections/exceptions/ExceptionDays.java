package io.plantsync.projections.exceptions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The day partitions of the exception table: one per plant and UTC day, so a partition holds one
 * day of one plant's rejections and a query reads the days it covers, newest first.
 */
final class ExceptionDays {
  private ExceptionDays() {}

  /** The UTC day an exception at this time is filed under. */
  static LocalDate dayOf(Instant at) {
    return LocalDate.ofInstant(at, ZoneOffset.UTC);
  }

  /**
   * The days to read for exceptions from {@code since} up to {@code newest}, newest day first;
   * empty when {@code since} is after {@code newest}. Never more than {@code maxDays} days: older
   * ones are not read.
   */
  static List<LocalDate> newestFirst(Instant newest, Instant since, int maxDays) {
    List<LocalDate> days = new ArrayList<>();
    LocalDate oldest = dayOf(since);
    for (LocalDate day = dayOf(newest); !day.isBefore(oldest) && days.size() < maxDays; day = day.minusDays(1)) {
      days.add(day);
    }
    return days;
  }
}
