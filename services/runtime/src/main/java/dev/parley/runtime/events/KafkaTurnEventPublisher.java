package dev.parley.runtime.events;

import dev.parley.platform.kafka.KafkaNames;
import dev.parley.sessionstore.api.OutboxEntry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.util.concurrent.CompletableFuture;

/** {@link TurnEventPublisher} to Kafka through the idempotent producer; topic names get {@code KAFKA_PREFIX}. */
@Component
class KafkaTurnEventPublisher implements TurnEventPublisher {

    private final KafkaTemplate<String, String> kafka;
    private final KafkaNames names;

    KafkaTurnEventPublisher(KafkaTemplate<String, String> kafka, KafkaNames names) {
        this.kafka = kafka;
        this.names = names;
    }

    @Override
    public CompletableFuture<Void> publish(OutboxEntry entry) {
        try {
            return kafka.send(names.topic(entry.topic()), entry.key(), entry.payloadJson()).thenApply(sent -> null);
        } catch (RuntimeException e) {
            // send() throws when metadata or buffer space did not come within max.block.ms
            return CompletableFuture.failedFuture(e);
        }
    }
}
