package dev.parley.eventsconsumer.ingest;

import dev.parley.eventsconsumer.ingest.EventStore.StoreResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Stores one polled batch of turn-event records. When a record cannot be stored it first stores the records before
 * it, then throws the {@link IngestFailures} kind that names the record, so the error handler commits what is done and
 * retries, or dead-letters, from that record on; the partition never stops on one bad record.
 */
@Component
class EventIngestor {

    private static final Logger log = LoggerFactory.getLogger(EventIngestor.class);

    private final TurnEventParser parser;
    private final EventStore store;
    private final Counter stored;
    private final Counter duplicates;
    private final Counter expired;
    private final Timer batches;

    EventIngestor(TurnEventParser parser, EventStore store, MeterRegistry meters) {
        this.parser = parser;
        this.store = store;
        this.stored = counter(meters, "stored", "Turn events stored for the first time");
        this.duplicates = counter(meters, "duplicate", "Turn events delivered again and skipped");
        this.expired = counter(meters, "expired", "Turn events older than the retention, dropped");
        this.batches = Timer.builder("parley.events-consumer.batches")
                .description("Time to store one polled batch of turn events").register(meters);
    }

    private static Counter counter(MeterRegistry meters, String outcome, String description) {
        return Counter.builder("parley.events-consumer.events").tag("outcome", outcome).description(description)
                .register(meters);
    }

    /** Stores the batch, or stores the part before the first failing record and throws naming that record. */
    void ingest(List<ConsumerRecord<String, String>> records) {
        batches.record(() -> {
            List<IncomingEvent> events = new ArrayList<>(records.size());
            for (int i = 0; i < records.size(); i++) {
                ConsumerRecord<String, String> record = records.get(i);
                try {
                    events.add(parser.parse(record.value(), record.partition(), record.offset()));
                } catch (PoisonEventException e) {
                    store(events);
                    log.warn("Turn event at {}-{}@{} is unreadable and goes to the dead-letter topic: {}",
                            record.topic(), record.partition(), record.offset(), e.getMessage());
                    throw new IngestFailures.PoisonEvent("Unreadable turn event at " + where(record), e, i);
                }
            }
            store(events);
        });
    }

    /** Stores parsed events (in list order, which is their index in the polled batch). */
    private void store(List<IncomingEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        try {
            count(store.store(events));
            return;
        } catch (RuntimeException e) {
            if (StoreFailures.blame(e) == StoreFailures.Blame.STORE) {
                log.warn("Storing {} turn events failed; retrying with back-off: {}", events.size(), e.toString());
                throw new IngestFailures.StoreUnavailable("The event store is unavailable", e, 0);
            }
            log.warn("The database rejected a batch of {} turn events; storing them one by one to find the bad one: {}",
                    events.size(), e.toString());
        }
        for (int i = 0; i < events.size(); i++) {
            IncomingEvent event = events.get(i);
            try {
                count(store.store(List.of(event)));
            } catch (RuntimeException e) {
                if (StoreFailures.blame(e) == StoreFailures.Blame.STORE) {
                    throw new IngestFailures.StoreUnavailable("The event store is unavailable", e, i);
                }
                log.warn("The database rejected turn event {} at partition {} offset {}: {}", event.eventId(),
                        event.partition(), event.offset(), e.toString());
                throw new IngestFailures.EventRejected("Turn event " + event.eventId() + " was rejected", e, i);
            }
        }
    }

    private void count(StoreResult result) {
        stored.increment(result.stored());
        duplicates.increment(result.duplicates());
        expired.increment(result.expired());
    }

    private static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
