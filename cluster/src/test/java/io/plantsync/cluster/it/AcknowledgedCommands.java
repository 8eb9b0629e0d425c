package io.plantsync.cluster.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The fault tests' verdict: the client's log of acknowledged commands against the final entity
 * states (read over HTTP, which recovers each entity under {@code replay-filter.mode = fail}) and
 * against the journal rows in Cassandra.
 */
final class AcknowledgedCommands {
  private AcknowledgedCommands() {}

  /** What the check found, for the test's printed figures. */
  record Verdict(int acknowledged, int lost, int appliedTwice, int objects, long events, int objectsWithSeveralWriters) {
    @Override
    public String toString() {
      return String.format("%d commands acknowledged over %d objects: %d lost, %d applied twice; %d journal rows, "
          + "each sequence number written once; %d objects were written by more than one node incarnation",
          acknowledged, objects, lost, appliedTwice, events, objectsWithSeveralWriters);
    }
  }

  /** Drains the load (every command acknowledged), then checks every object; fails the test on any loss. */
  static Verdict verify(SteadyLoad load, JournalAudit journal, URI anyNode) throws Exception {
    load.stopSending();
    assertThat(load.awaitAllAcknowledged(Duration.ofSeconds(90)))
        .as("every command sent is eventually acknowledged (still pending: %s)", load.pending()).isTrue();
    ApiClient api = new ApiClient(anyNode);
    int lost = 0;
    int twice = 0;
    long events = 0;
    int severalWriters = 0;
    for (int lot = 0; lot < load.lots; lot++) {
      Set<String> acked = load.acknowledgedFor(lot).stream().map(SteadyLoad.Sent::messageId).collect(Collectors.toSet());
      List<JournalAudit.Entry> entries = journal.entries(load.persistenceId(lot));
      events += entries.size();
      List<Long> sequenceNrs = entries.stream().map(JournalAudit.Entry::sequenceNr).toList();
      String persistenceId = load.persistenceId(lot);
      assertThat(sequenceNrs).as(() -> String.format("sequence numbers of %s: each written once, no gap "
              + "(rows written more than once: %s)", persistenceId, writtenMoreThanOnce(entries)))
          .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, entries.size()).boxed().toList());
      Set<String> journaled = new HashSet<>();
      for (JournalAudit.Entry entry : entries) {
        if (!journaled.add(entry.messageId())) twice++;
      }
      lost += (int) acked.stream().filter(id -> !journaled.contains(id)).count();
      if (entries.stream().map(JournalAudit.Entry::writer).distinct().count() > 1) severalWriters++;
      assertThat(journaled).as("journal of %s holds exactly the acknowledged commands", load.persistenceId(lot))
          .isEqualTo(acked);

      JsonNode state = readLot(api, load.lotPath(lot));
      assertThat(state.path("objectVersion").asLong()).as("version of %s", load.lotPath(lot)).isEqualTo(acked.size());
      assertThat(state.path("unrestricted").decimalValue()).as("stock of %s", load.lotPath(lot))
          .isEqualByComparingTo(String.valueOf(acked.size()));
    }
    Verdict verdict = new Verdict(load.acknowledged().size(), lost, twice, load.lots, events, severalWriters);
    assertThat(lost).isZero();
    assertThat(twice).isZero();
    return verdict;
  }

  /** The rows that share a sequence number, with the incarnation that wrote each: who wrote twice. */
  private static List<JournalAudit.Entry> writtenMoreThanOnce(List<JournalAudit.Entry> entries) {
    Map<Long, Long> rowsPerSequenceNr = entries.stream()
        .collect(Collectors.groupingBy(JournalAudit.Entry::sequenceNr, Collectors.counting()));
    return entries.stream().filter(entry -> rowsPerSequenceNr.get(entry.sequenceNr()) > 1).toList();
  }

  /** Reads a lot, retrying briefly while its shard is still being allocated after a fault. */
  private static JsonNode readLot(ApiClient api, String path) throws Exception {
    ApiClient.Response response = null;
    for (int attempt = 0; attempt < 20; attempt++) {
      response = api.get(SteadyLoad.TOKEN, path);
      if (response.status() != 503) break;
      Thread.sleep(500);
    }
    assertThat(response.status()).as("read %s: %s", path, response.body()).isEqualTo(200);
    return response.body();
  }
}
