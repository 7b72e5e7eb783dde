package dev.parley.sessionstore;

import static dev.parley.sessionstore.SessionStoreClient.commitRequest;
import static dev.parley.sessionstore.SessionStoreClient.event;
import static dev.parley.sessionstore.SessionStoreClient.leaseRequest;
import static dev.parley.sessionstore.SessionStoreClient.newSessionId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.sessionstore.api.LeaseGranted;
import dev.parley.sessionstore.api.OutboxAck;
import dev.parley.sessionstore.api.OutboxEntry;
import dev.parley.testkit.RealInfrastructure;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

@RealInfrastructure(postgres = false, kafka = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OutboxIntegrationTests {

    @LocalServerPort
    int port;

    SessionStoreClient client;
    String sessionId;

    @BeforeEach
    void setUp() {
        client = new SessionStoreClient(port);
        sessionId = newSessionId();
    }

    @Test
    void committedEventsAreListedOldestFirstUntilAcknowledged() throws InterruptedException {
        OutboxEntry first = event(sessionId);
        OutboxEntry second = event(sessionId);
        OutboxEntry third = event(sessionId);
        long before = System.currentTimeMillis();
        commitTurn("start", List.of(first, second));
        Thread.sleep(5);
        commitTurn("seq:1", List.of(third));

        List<OutboxEntry> listed = mine(client.outboxEntries("?olderThanMillis=0&limit=1000"), first, second, third);

        assertThat(listed).hasSize(3);
        assertThat(listed.subList(0, 2)).extracting(OutboxEntry::eventId)
                .containsExactlyInAnyOrder(first.eventId(), second.eventId());
        assertThat(listed.get(2).eventId()).isEqualTo(third.eventId());
        OutboxEntry stored = listed.stream().filter(e -> e.eventId().equals(first.eventId())).findFirst().orElseThrow();
        assertThat(stored.topic()).isEqualTo(first.topic());
        assertThat(stored.key()).isEqualTo(sessionId);
        assertThat(stored.payloadJson()).isEqualTo(first.payloadJson());
        assertThat(stored.committedAtEpochMillis()).isBetween(before - 1_000, System.currentTimeMillis() + 1_000);
        assertThat(listed.get(2).committedAtEpochMillis()).isGreaterThanOrEqualTo(stored.committedAtEpochMillis());

        assertThat(client.ack(new OutboxAck(List.of(first.eventId(), second.eventId()))).status()).isEqualTo(204);
        assertThat(mine(client.outboxEntries("?olderThanMillis=0&limit=1000"), first, second, third))
                .extracting(OutboxEntry::eventId).containsExactly(third.eventId());

        assertThat(client.ack(new OutboxAck(List.of(first.eventId(), second.eventId(), UUID.randomUUID()))).status())
                .isEqualTo(204);
        assertThat(client.ack(new OutboxAck(List.of(third.eventId()))).status()).isEqualTo(204);
        assertThat(mine(client.outboxEntries(""), first, second, third)).isEmpty();
    }

    @Test
    void entriesYoungerThanTheAskedAgeAreNotListed() {
        OutboxEntry fresh = event(sessionId);
        commitTurn("start", List.of(fresh));

        assertThat(mine(client.outboxEntries("?olderThanMillis=60000"), fresh)).isEmpty();
        assertThat(mine(client.outboxEntries("?olderThanMillis=0&limit=1000"), fresh)).hasSize(1);
        client.ack(new OutboxAck(List.of(fresh.eventId())));
    }

    @Test
    void limitCapsTheNumberOfEntries() {
        OutboxEntry one = event(sessionId);
        OutboxEntry two = event(sessionId);
        commitTurn("start", List.of(one, two));

        assertThat(client.outboxEntries("?limit=1")).hasSize(1);
        client.ack(new OutboxAck(List.of(one.eventId(), two.eventId())));
    }

    @Test
    void emptyAckIsAccepted() {
        assertThat(client.ack(new OutboxAck(List.of())).status()).isEqualTo(204);
    }

    private void commitTurn(String messageKey, List<OutboxEntry> events) {
        LeaseGranted lease = client.granted(sessionId, leaseRequest(messageKey, 10_000, 0));
        client.committed(sessionId, commitRequest(sessionId, lease.fencingToken(), messageKey, "{}", events, 60_000));
    }

    private static List<OutboxEntry> mine(List<OutboxEntry> listed, OutboxEntry... events) {
        Set<UUID> ids = Arrays.stream(events).map(OutboxEntry::eventId)
                .collect(Collectors.toSet());
        return listed.stream().filter(entry -> ids.contains(entry.eventId())).toList();
    }
}
