package io.plantsync.projections.exceptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ExceptionDaysTest {

  @Test
  void anExceptionIsFiledUnderItsUtcDay() {
    assertThat(ExceptionDays.dayOf(Instant.parse("2026-11-27T23:59:59.999Z"))).isEqualTo(LocalDate.of(2026, 11, 27));
    assertThat(ExceptionDays.dayOf(Instant.parse("2026-11-28T00:00:00Z"))).isEqualTo(LocalDate.of(2026, 11, 28));
  }

  @Test
  void aQueryReadsEveryDayFromTheNewestDownToTheDayOfSince() {
    assertThat(ExceptionDays.newestFirst(Instant.parse("2026-12-01T08:00:00Z"), Instant.parse("2026-11-29T22:00:00Z"),
        32)).containsExactly(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 29));
  }

  @Test
  void sinceTheSameDayReadsOneDayAndSinceAfterTheNewestReadsNone() {
    Instant now = Instant.parse("2026-11-27T10:00:00Z");
    assertThat(ExceptionDays.newestFirst(now, Instant.parse("2026-11-27T00:00:00Z"), 32))
        .containsExactly(LocalDate.of(2026, 11, 27));
    assertThat(ExceptionDays.newestFirst(now, Instant.parse("2026-11-28T00:00:00Z"), 32)).isEmpty();
  }

  @Test
  void noMoreThanTheMaximumNumberOfDaysIsRead() {
    Instant now = Instant.parse("2026-11-27T10:00:00Z");
    assertThat(ExceptionDays.newestFirst(now, Instant.parse("2020-01-01T00:00:00Z"), 32))
        .hasSize(32).startsWith(LocalDate.of(2026, 11, 27)).endsWith(LocalDate.of(2026, 10, 27));
  }

  @Test
  void aQueryOfTheFullLookBackStaysWithinTheDayLimit() {
    Instant now = Instant.parse("2026-11-27T00:00:01Z");
    assertThat(ExceptionDays.newestFirst(now, now.minus(BusinessExceptionLog.MAX_LOOK_BACK),
        CassandraBusinessExceptionLog.MAX_DAYS)).hasSize(CassandraBusinessExceptionLog.MAX_DAYS)
        .endsWith(LocalDate.of(2026, 10, 27));
  }
}
