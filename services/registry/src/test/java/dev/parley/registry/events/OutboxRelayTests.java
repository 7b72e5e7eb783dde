package dev.parley.registry.events;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The relay's ordering and retry rules, with an in-memory outbox and a broker that can be down. */
class OutboxRelayTests {

    private final MutableClock clock = new MutableClock();
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final FlakyBroker broker = new FlakyBroker();
    private final EventsProperties properties = new EventsProperties(3, (short) 1, Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(8), 2);
    private final OutboxRelay relay = new OutboxRelay(outbox, broker, new TransactionTemplate(new NoTransactions()),
            properties, clock, new SimpleMeterRegistry());

    @Test
    void publishesEverythingInOrderAcrossBatches() {
        for (int i = 1; i <= 5; i++) {
            outbox.add(UUID.randomUUID(), "t", "bot", "e" + i, clock.instant());
        }

        assertThat(relay.drain()).isEqualTo(5);

        assertThat(broker.received).containsExactly("e1", "e2", "e3", "e4", "e5");
        assertThat(outbox.events).isEmpty();
    }

    @Test
    void aKafkaOutageDelaysEventsButLosesAndReordersNone() {
        outbox.add(UUID.randomUUID(), "t", "bot", "e1", clock.instant());
        outbox.add(UUID.randomUUID(), "t", "bot", "e2", clock.instant());
        broker.down = true;

        assertThat(relay.drain()).isZero();
        assertThat(outbox.events).hasSize(2).first().extracting(OutboxStore.PendingEvent::attempts).isEqualTo(1);
        // not due yet: nothing is tried, and e2 does not overtake e1
        broker.down = false;
        clock.advance(Duration.ofMillis(500));
        assertThat(relay.drain()).isZero();
        assertThat(broker.received).isEmpty();

        broker.down = true;
        clock.advance(Duration.ofSeconds(1));
        relay.drain();
        // the wait doubles per failure
        assertThat(outbox.events.getFirst().nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(2));

        broker.down = false;
        clock.advance(Duration.ofSeconds(2));
        assertThat(relay.drain()).isEqualTo(2);
        assertThat(broker.received).containsExactly("e1", "e2");
        assertThat(outbox.events).isEmpty();
    }

    @Test
    void anotherReplicaPublishingMeansThisOneWaits() {
        outbox.add(UUID.randomUUID(), "t", "bot", "e1", clock.instant());
        outbox.publisherTaken = true;

        assertThat(relay.drain()).isZero();
        assertThat(outbox.events).hasSize(1);
    }

    @Test
    void theBackoffDoublesUpToItsMaximum() {
        assertThat(properties.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.backoff(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(properties.backoff(40)).isEqualTo(Duration.ofSeconds(8));
    }

    private static final class InMemoryOutbox implements OutboxStore {

        final List<PendingEvent> events = new ArrayList<>();
        boolean publisherTaken;
        private long nextId = 1;

        @Override
        public void add(UUID eventId, String topic, String key, String payload, Instant now) {
            events.add(new PendingEvent(nextId++, eventId, topic, key, payload, 0, now));
        }

        @Override
        public boolean tryBecomePublisher() {
            return !publisherTaken;
        }

        @Override
        public List<PendingEvent> oldest(int limit) {
            return List.copyOf(events.subList(0, Math.min(limit, events.size())));
        }

        @Override
        public void published(long id) {
            events.removeIf(e -> e.id() == id);
        }

        @Override
        public void failed(long id, String error, Instant nextAttemptAt) {
            events.replaceAll(e -> e.id() != id ? e : new PendingEvent(e.id(), e.eventId(), e.topic(), e.key(),
                    e.payload(), e.attempts() + 1, nextAttemptAt));
        }

        @Override
        public long pending() {
            return events.size();
        }
    }

    private static final class FlakyBroker implements EventPublisher {

        final List<String> received = new ArrayList<>();
        boolean down;

        @Override
        public void publish(String topic, String key, String payload) {
            if (down) {
                throw new EventPublishException("broker down", new RuntimeException("connection refused"));
            }
            received.add(payload);
        }
    }

    private static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Runs the callbacks without a database; the store above is not transactional. */
    private static final class NoTransactions extends AbstractPlatformTransactionManager {

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, org.springframework.transaction.TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }
}
