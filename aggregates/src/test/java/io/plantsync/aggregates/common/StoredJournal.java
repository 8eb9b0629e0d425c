package io.plantsync.aggregates.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantsync.aggregates.common.StoredPayloads.Stored;
import java.io.IOException;
import java.util.List;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.persistence.testkit.SnapshotMeta;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;

/**
 * Recovery of an object from a journal and snapshots that an earlier PlantSync version stored (see
 * {@link StoredPayloads}): every stored event and snapshot loads and is still written the same way,
 * and the object recovers to the stored final state both from all events and from a mid-life
 * snapshot plus the events after it.
 */
public final class StoredJournal<S extends GovernedState> {

  private final StoredPayloads payloads;
  private final EventSourcedBehaviorTestKit<?, ?, S> entity;
  private final String persistenceId;
  private final String name;

  public StoredJournal(ActorSystem<?> system, EventSourcedBehaviorTestKit<?, ?, S> entity, String persistenceId,
      String name) {
    this.payloads = new StoredPayloads(system);
    this.entity = entity;
    this.persistenceId = persistenceId;
    this.name = name;
  }

  /**
   * Recording mode: {@code life} has run on the entity; stores its events, the state after
   * {@code midLifeVersion} events and the final state.
   */
  public void record(int midLifeVersion) throws IOException {
    List<Object> events = entity.persistenceTestKit().persistedInStorage(persistenceId);
    S last = entity.getState();
    S midLife = recoverFrom(events.subList(0, midLifeVersion), null);
    payloads.record(name + ".events", events);
    payloads.record(name + ".snapshots", List.of(midLife, last));
  }

  public void verify() throws IOException {
    List<Stored> storedEvents = StoredPayloads.read(name + ".events");
    List<Stored> storedSnapshots = StoredPayloads.read(name + ".snapshots");
    List<Object> events = storedEvents.stream().map(payloads::load).toList();
    List<Object> snapshots = storedSnapshots.stream().map(payloads::load).toList();
    for (int i = 0; i < events.size(); i++) payloads.assertStoredAs(storedEvents.get(i), events.get(i));
    for (int i = 0; i < snapshots.size(); i++) payloads.assertStoredAs(storedSnapshots.get(i), snapshots.get(i));

    @SuppressWarnings("unchecked") S midLife = (S) snapshots.get(0);
    @SuppressWarnings("unchecked") S last = (S) snapshots.get(1);
    assertThat(last.version()).isEqualTo(events.size());
    assertThat(recoverFrom(events, null)).as("recovered from every stored event").isEqualTo(last);
    assertThat(recoverFrom(events, midLife)).as("recovered from the mid-life snapshot and later events")
        .isEqualTo(last);
  }

  private S recoverFrom(List<Object> events, S snapshot) {
    entity.clear();
    if (snapshot != null) {
      entity.snapshotTestKit().orElseThrow()
          .persistForRecovery(persistenceId, List.of(Pair.create(new SnapshotMeta(snapshot.version(), 0), snapshot)));
    }
    entity.persistenceTestKit().persistForRecovery(persistenceId, events);
    entity.restart();
    return entity.getState();
  }
}
