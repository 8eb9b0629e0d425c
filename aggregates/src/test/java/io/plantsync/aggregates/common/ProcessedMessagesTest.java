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

  @Test
  void aLongLivedObjectStillRecognisesEveryBusinessKeyAndTheOlderMemoryIsUnchanged() {
    ProcessedMessages memory = ProcessedMessages.EMPTY;
    for (int i = 1; i <= 20_000; i++) memory = memory.remember("M-" + i, "movement:" + i, i, "GoodsReceived", 200);
    ProcessedMessages before = memory;
    ProcessedMessages after = memory.remember("M-20001", "movement:20001", 20_001, "GoodsIssued", 200);

    assertThat(after.byBusinessKey()).hasSize(20_001);
    assertThat(after.messageIdsOldestFirst()).hasSize(200).startsWith("M-19802").endsWith("M-20001");
    assertThat(after.earlierOutcome("unseen", "movement:1")).hasValueSatisfying(r -> assertThat(r.objectVersion()).isEqualTo(1));
    assertThat(before.earlierOutcome("M-20001", "movement:20001")).as("states are values: the old one did not change").isEmpty();
    assertThat(before.byBusinessKey()).hasSize(20_000);
  }

  @Test
  void snapshotsKeepTheirJsonShape() throws Exception {
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    ProcessedMessages memory = ProcessedMessages.EMPTY
        .remember("M-1", "movement:1", 1, "GoodsReceived", 2)
        .remember("M-2", null, 2, "StockTransferred", 2);
    String written = json.writeValueAsString(memory);

    assertThat(json.readTree(written).fieldNames()).toIterable()
        .containsExactlyInAnyOrder("byMessageId", "messageIdsOldestFirst", "byBusinessKey");
    assertThat(json.readValue(written, ProcessedMessages.class)).isEqualTo(memory);
  }
}
