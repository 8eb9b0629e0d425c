package io.plantsync.http;

import io.plantsync.projections.exceptions.BusinessException;
import io.plantsync.projections.exceptions.BusinessExceptionLog;
import io.plantsync.projections.views.ViewQueries.Page;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;

/** A business exception log that records nothing and finds nothing: for route tests that do not look at it. */
final class NoBusinessExceptions implements BusinessExceptionLog {

  @Override
  public CompletionStage<Done> record(BusinessException exception) {
    return CompletableFuture.completedFuture(Done.getInstance());
  }

  @Override
  public CompletionStage<Page<BusinessException>> query(String plant, Instant since, int limit,
      Optional<String> pageToken) {
    return CompletableFuture.completedFuture(new Page<>(List.of(), null));
  }
}
