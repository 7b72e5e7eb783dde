package dev.parley.runtime.events;

import dev.parley.runtime.sessionstore.InMemorySessionStore;
import dev.parley.sessionstore.api.CommitRequest;
import dev.parley.sessionstore.api.LeaseGranted;
import dev.parley.sessionstore.api.LeaseRequest;
import dev.parley.sessionstore.api.OutboxEntry;
import dev.parley.sessionstore.api.SessionRecord;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxSweeperTests {

    private final InMemorySessionStore store = new InMemorySessionStore();
    private final Set<UUID> kafkaDown = ConcurrentHashMap.newKeySet();
    private final Set<UUID> sent = ConcurrentHashMap.newKeySet();
    private final TurnEventPublisher publisher = entry -> {
        if (kafkaDown.contains(entry.eventId())) {
            return CompletableFuture.failedFuture(new IllegalStateException("broker unreachable"));
        }
        sent.add(entry.eventId());
        return CompletableFuture.completedFuture(null);
    };
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final OutboxRelay relay = new OutboxRelay(publisher, store, TestRelays.properties(), meters);
    private final OutboxSweeper sweeper = new OutboxSweeper(store, relay, TestRelays.properties(), meters);

    @Test
    void eventsCommittedButNeverRelayedArePublishedAndAcknowledgedBySweeping() {
        List<UUID> ids = commitEvents(5);

        assertThat(sweeper.sweep()).isEqualTo(5);

        assertThat(sent).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(store.outbox()).isEmpty();
        assertThat(meters.get("parley.runtime.outbox.recovered").counter().count()).isEqualTo(5);
        assertThat(meters.get("parley.runtime.events.published").counter().count()).isEqualTo(5);
        assertThat(sweeper.sweep()).isZero();
    }

    @Test
    void eventsKafkaDidNotConfirmStayInTheOutboxForTheNextSweep() {
        List<UUID> ids = commitEvents(3);
        kafkaDown.add(ids.get(1));

        assertThat(relay.relay(store.outbox())).isEqualTo(2);
        assertThat(store.outbox()).extracting(OutboxEntry::eventId).containsExactly(ids.get(1));

        kafkaDown.clear();
        assertThat(sweeper.sweep()).isEqualTo(1);
        assertThat(store.outbox()).isEmpty();
    }

    private List<UUID> commitEvents(int count) {
        String sessionId = UUID.randomUUID().toString();
        LeaseGranted lease = store.lease(sessionId, new LeaseRequest("test", 10_000, 0, "start"));
        List<OutboxEntry> events = IntStream.range(0, count)
                .mapToObj(i -> new OutboxEntry(UUID.randomUUID(), "parley.turn-events", sessionId, "{}", 0))
                .toList();
        store.commit(sessionId, new CommitRequest(lease.fencingToken(),
                new SessionRecord(sessionId, "org", "bot", "0X9000000000001AAA", "ACTIVE", "{}", 0), "start", "{}",
                events, 60_000));
        return events.stream().map(OutboxEntry::eventId).toList();
    }
}
