package io.plantsync.projections.views;

import io.plantsync.aggregates.productionorder.OrderStatus;
import io.plantsync.aggregates.qualityhold.HoldStatus;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Reads of the views, one plant at a time. Answers are pages of at most {@code limit} items; a
 * non-null {@code nextPageToken} is passed back as {@code pageToken} for the next page (it may lead
 * to an empty last page). A token that does not belong to the query fails with {@link InvalidPageToken}.
 */
public interface ViewQueries {

  int DEFAULT_LIMIT = 100;
  int MAX_LIMIT = 1000;

  record Page<T>(List<T> items, String nextPageToken) {
    public Page {
      items = List.copyOf(items);
    }
  }

  /** The page token is not one this query handed out. */
  final class InvalidPageToken extends IllegalArgumentException {
    public InvalidPageToken(String message) {
      super(message);
    }
  }

  CompletionStage<Page<ProductionOrderRow>> productionOrders(String plant, Optional<OrderStatus> status, int limit,
      Optional<String> pageToken);

  /** Positions of one material, or of every material of the plant ordered by material. */
  CompletionStage<Page<InventoryPosition>> inventoryPositions(String plant, Optional<String> material, int limit,
      Optional<String> pageToken);

  CompletionStage<Page<QualityHoldRow>> qualityHolds(String plant, Optional<HoldStatus> status, int limit,
      Optional<String> pageToken);
}
