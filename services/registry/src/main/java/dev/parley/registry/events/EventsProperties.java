package dev.parley.registry.events;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How bot-definition events leave the outbox for Kafka ({@code parley.registry.events.*}); checked at startup.
 *
 * @param topicPartitions partitions of {@code parley.bot-definitions} when the registry creates it
 * @param topicReplicas   its replication factor (1 locally, 3 on Heroku Kafka)
 * @param relayInterval   how often the outbox is checked besides right after each activation (retries, other
 *                        replicas' events)
 * @param publishTimeout  how long one send waits for Kafka's acknowledgement before it counts as failed
 * @param minBackoff      the wait before the first retry of a failed send; doubles per failure
 * @param maxBackoff      the longest wait between retries
 * @param batchSize       how many events one pass publishes at most
 */
@ConfigurationProperties("parley.registry.events")
record EventsProperties(@DefaultValue("3") int topicPartitions, @DefaultValue("1") short topicReplicas,
        @DefaultValue("500ms") Duration relayInterval, @DefaultValue("5s") Duration publishTimeout,
        @DefaultValue("500ms") Duration minBackoff, @DefaultValue("30s") Duration maxBackoff,
        @DefaultValue("50") int batchSize) {

    EventsProperties {
        positive("topic-partitions", topicPartitions);
        positive("topic-replicas", topicReplicas);
        positive("batch-size", batchSize);
        positive("relay-interval", relayInterval);
        positive("publish-timeout", publishTimeout);
        positive("min-backoff", minBackoff);
        if (maxBackoff.compareTo(minBackoff) < 0) {
            throw new IllegalArgumentException("parley.registry.events.max-backoff must be at least min-backoff ("
                    + minBackoff + ") but was " + maxBackoff);
        }
    }

    /** The wait before the next try after {@code attempts} failed ones. */
    Duration backoff(int attempts) {
        Duration wait = minBackoff;
        for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("parley.registry.events." + name + " must be positive but was " + value);
        }
    }

    private static void positive(String name, Duration value) {
        if (value == null || !value.isPositive()) {
            throw new IllegalArgumentException("parley.registry.events." + name + " must be positive but was " + value);
        }
    }
}
