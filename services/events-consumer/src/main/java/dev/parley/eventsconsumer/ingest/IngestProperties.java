package dev.parley.eventsconsumer.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How turn events are consumed and what happens when one cannot be stored; checked at startup.
 *
 * @param topicPartitions        partitions of the turn-events topic when this service creates it (as the runtime does)
 * @param topicReplicas          replication factor of the topics it creates (1 locally, 3 on Heroku Kafka)
 * @param deadLetterPartitions   partitions of the dead-letter topic when this service creates it
 * @param rejectedRetries        how often an event the database rejects is retried before it is dead-lettered
 * @param rejectedBackoff        first pause before such a retry; doubles up to {@code rejectedBackoffMax}
 * @param rejectedBackoffMax     longest pause between two such retries
 * @param unavailableBackoff     first pause before retrying while the database is unreachable (retried forever)
 * @param unavailableBackoffMax  longest pause between two such retries; keep it well under max.poll.interval.ms
 */
@ConfigurationProperties("parley.events-consumer.ingest")
record IngestProperties(@DefaultValue("6") int topicPartitions, @DefaultValue("1") short topicReplicas,
        @DefaultValue("1") int deadLetterPartitions, @DefaultValue("3") int rejectedRetries,
        @DefaultValue("500ms") Duration rejectedBackoff, @DefaultValue("5s") Duration rejectedBackoffMax,
        @DefaultValue("1s") Duration unavailableBackoff, @DefaultValue("30s") Duration unavailableBackoffMax) {

    private static final String PREFIX = "parley.events-consumer.ingest.";

    IngestProperties {
        require(topicPartitions > 0, "topic-partitions must be positive but was " + topicPartitions);
        require(topicReplicas > 0, "topic-replicas must be positive but was " + topicReplicas);
        require(deadLetterPartitions > 0, "dead-letter-partitions must be positive but was " + deadLetterPartitions);
        require(rejectedRetries >= 0 && rejectedRetries <= 20,
                "rejected-retries must be within 0..20 but was " + rejectedRetries);
        require(rejectedBackoff.isPositive(), "rejected-backoff must be positive but was " + rejectedBackoff);
        require(rejectedBackoffMax.compareTo(rejectedBackoff) >= 0,
                "rejected-backoff-max must be at least rejected-backoff but was " + rejectedBackoffMax);
        require(unavailableBackoff.isPositive(), "unavailable-backoff must be positive but was " + unavailableBackoff);
        require(unavailableBackoffMax.compareTo(unavailableBackoff) >= 0
                        && unavailableBackoffMax.compareTo(Duration.ofMinutes(2)) <= 0,
                "unavailable-backoff-max must be within unavailable-backoff..2m but was " + unavailableBackoffMax);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(PREFIX + message);
        }
    }
}
