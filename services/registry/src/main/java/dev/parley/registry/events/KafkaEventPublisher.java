package dev.parley.registry.events;

import dev.parley.platform.kafka.KafkaNames;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@link EventPublisher} on Spring Kafka, topic names through {@link KafkaNames}. */
@Component
class KafkaEventPublisher implements EventPublisher {

    private final KafkaTemplate<String, String> kafka;
    private final KafkaNames names;
    private final EventsProperties properties;

    KafkaEventPublisher(KafkaTemplate<String, String> kafka, KafkaNames names, EventsProperties properties) {
        this.kafka = kafka;
        this.names = names;
        this.properties = properties;
    }

    @Override
    public void publish(String topic, String key, String payload) {
        String fullName = names.topic(topic);
        try {
            kafka.send(fullName, key, payload).get(properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventPublishException("interrupted while sending to " + fullName, e);
        } catch (ExecutionException e) {
            throw new EventPublishException("Kafka refused the event for " + fullName + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new EventPublishException("Kafka did not acknowledge the event for " + fullName + " within "
                    + properties.publishTimeout(), e);
        } catch (RuntimeException e) {
            // KafkaTemplate.send itself throws when metadata cannot be fetched within max.block.ms
            throw new EventPublishException("could not send to " + fullName + ": " + e.getMessage(), e);
        }
    }
}
