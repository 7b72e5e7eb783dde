package dev.parley.eventsconsumer.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Consumes {@code parley.turn-events} in batches as group {@code events-consumer} (both through {@code KafkaNames});
 * offsets are committed once {@link EventIngestor} returned, i.e. after the batch's transaction committed. Not
 * created in migrate-only runs.
 */
@Component
@ConditionalOnProperty(name = "parley.platform.migrate-only", havingValue = "false", matchIfMissing = true)
class TurnEventsListener {

    /** The listener container's id, for operators and tests that stop or start it. */
    static final String ID = "turn-events";

    private final EventIngestor ingestor;

    TurnEventsListener(EventIngestor ingestor) {
        this.ingestor = ingestor;
    }

    @KafkaListener(id = ID, idIsGroup = false, batch = "true",
            groupId = "#{@kafkaNames.group('events-consumer')}",
            topics = "#{@kafkaNames.topic(T(dev.parley.runtime.api.Topics).TURN_EVENTS)}")
    void onTurnEvents(List<ConsumerRecord<String, String>> records) {
        ingestor.ingest(records);
    }
}
