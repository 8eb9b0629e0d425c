package io.plantsync.aggregates.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessedMessagesTest {

  @Test
  void plainMessageIdsAreKeptInABoundedWindowButBusinessKeysForever() {
    ProcessedMessages memory = ProcessedMessages.EMPTY.remember("M-0", "movement:4900001", 1, "GoodsReceived", 3);
    for (int i = 1; i <= 5; i++) memory = memory.remember("M-" + i, null, i + 1, "StockTransferred", 3);

    assertThat(memory.messageIdsOldestFirst()).containsExactly("M-3", "M-4", "M-5");
    assertThat(memory.earlierOutcome("M-0", null)).as("messageId outside the window").isEmpty();
    assertThat(memory.earlierOutcome("M-0", "movement:4900001")).as("its business key").hasValueSatisfying(reply -> {
      assertThat(reply.duplicate()).isTrue();
      assertThat(reply.objectVersion()).isEqualTo(1);
      assertThat(reply.events()).containsExactly("GoodsReceived");
    });
    assertThat(memory.earlierOutcome("M-5", null)).hasValueSatisfying(r -> assertThat(r.objectVersion()).isEqualTo(6));
  }

  @Test
  void rememberingTheSameMessageIdTwiceKeepsOneSlot() {
    ProcessedMessages memory = ProcessedMessages.EMPTY
        .remember("M-1", null, 1, "A", 2)
        .remember("M-1", null, 2, "B", 2)
        .remember("M-2", null, 3, "C", 2);
    assertThat(memory.messageIdsOldestFirst()).containsExactly("M-1", "M-2");
  }
}
