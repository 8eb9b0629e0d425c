package io.plantsync.projections.exceptions;

import io.plantsync.projections.views.ViewQueries.Page;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;

/**
 * The durable record of rejected commands (src/docs/contract.md: every rejection is recorded as
 * a business exception), and its query by plant, newest first.
 */
public interface BusinessExceptionLog {

  /** How far back a query may reach: it reads one partition per day, so the look-back is bounded. */
  Duration MAX_LOOK_BACK = Duration.ofDays(31);

  /**
   * Records one rejection without holding up the caller: the stage completes once it is written and
   * fails when it was dropped or could not be written, which the log has already reported (callers
   * need not look at it). Never throws.
   */
  CompletionStage<Done> record(BusinessException exception);

  /**
   * The plant's exceptions at or after {@code since}, newest first, at most {@code limit}; a
   * non-null {@code nextPageToken} continues the list (it may lead to an empty last page). A token
   * of another query fails with {@link io.plantsync.projections.views.ViewQueries.InvalidPageToken}.
   */
  CompletionStage<Page<BusinessException>> query(String plant, Instant since, int limit, Optional<String> pageToken);
}
