package io.plantsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The parsers of what the bench reads from /proc, jcmd, the node's metrics and sync status. */
class ProbesTest {

  @Test
  void cpu_ticks_are_utime_plus_stime_even_with_spaces_in_the_command_name() {
    String stat = "4242 (java main) S 1 4242 4242 0 -1 4194560 1000 0 0 0 1234 567 0 0 20 0 40 0 100 0 0";
    assertThat(ProcessCpu.parseTicks(stat)).isEqualTo(1234 + 567);
  }

  @Test
  void heap_used_comes_from_the_g1_summary_not_metaspace() {
    String g1 = """
        4242:
         garbage-first heap   total 1048576K, used 204800K [0x00000000c0000000, 0x0000000100000000)
          region size 1024K, 3 young (3072K), 0 survivors (0K)
         Metaspace       used 80000K, committed 81000K, reserved 1114112K
        """;
    assertThat(Heap.parseUsedBytes(g1)).isEqualTo(204800L * 1024);
  }

  @Test
  void live_objects_sum_every_entity_type() {
    String metrics = """
        # HELP plantsync_entities_live Entities of this type running on this node
        plantsync_entities_live{entity_type="InventoryLot"} 50000.0
        plantsync_entities_live{entity_type="ProductionOrder"} 49999.0
        plantsync_entities_live{entity_type="QualityHold"} 0.0
        """;
    assertThat(Heap.parseLiveObjects(metrics)).isEqualTo(99_999);
  }

  @Test
  void sync_status_gives_the_worst_projection_and_the_total_backlog() throws Exception {
    var status = new ObjectMapper().readTree("""
        {"projections": [
           {"projection": "views-InventoryLot", "lagP99Millis": 2600, "backlog": 10},
           {"projection": "orchestration-holds", "lagP99Millis": 3100, "backlog": 5},
           {"projection": "exceptions", "backlog": 0}],
         "subscribers": [{"subscriber": "bench", "delivered": 77, "lagP99Millis": 4000}]}""");
    SyncStatus.Sample sample = SyncStatus.parse(status);
    assertThat(sample.worstLagP99Millis()).isEqualTo(3100);
    assertThat(sample.worstProjection()).isEqualTo("orchestration-holds");
    assertThat(sample.backlog()).isEqualTo(15);
    assertThat(sample.subscriberLagP99Millis()).isEqualTo(4000);
    assertThat(sample.delivered()).isEqualTo(77);
  }

  @Test
  void an_unknown_backlog_is_reported_as_such() throws Exception {
    var status = new ObjectMapper().readTree("""
        {"projections": [{"projection": "a", "backlog": 3}, {"projection": "b", "backlogUnknown": "timeout"}]}""");
    assertThat(SyncStatus.parse(status).backlog()).isEqualTo(-1);
  }

  @Test
  void the_webhook_receiver_reads_the_cloud_event_time() {
    assertThat(WebhookReceiver.eventTime("{\"id\":\"x\",\"time\":\"2026-11-27T08:07:00.123Z\",\"data\":{}}"))
        .isEqualTo(Instant.parse("2026-11-27T08:07:00.123Z"));
    assertThat(WebhookReceiver.eventTime("{}")).isNull();
  }
}
