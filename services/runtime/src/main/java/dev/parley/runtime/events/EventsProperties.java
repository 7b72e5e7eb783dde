package dev.parley.runtime.events;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How turn events leave the outbox for Kafka; checked at startup.
 *
 * @param topicPartitions   partitions of the turn-events topic when the runtime creates it
 * @param topicReplicas     its replication factor (1 locally, 3 on Heroku Kafka)
 * @param ackBatchSize      how many published event ids one ack call to session-store carries (session-store takes
 *                          up to 1000; a turn has about ten events, so one call per flush at people-like load)
 * @param ackInterval       how often confirmed event ids are acknowledged to session-store, in one call
 * @param publishTimeout    how long a relay waits for Kafka to confirm a batch before leaving it to the sweeper
 * @param publishQueue      how many committed turns may wait for a publisher thread; beyond it the sweeper publishes
 * @param sweeperEnabled    whether this instance sweeps the outbox
 * @param sweepInterval     pause between two sweeps
 * @param sweepMinAge       an entry is swept once it waited this long (the after-commit relay normally wins)
 * @param sweepBatchSize    how many entries one sweep reads
 */
@ConfigurationProperties("parley.runtime.events")
record EventsProperties(@DefaultValue("6") int topicPartitions, @DefaultValue("1") short topicReplicas,
        @DefaultValue("500") int ackBatchSize, @DefaultValue("200ms") Duration ackInterval,
        @DefaultValue("10s") Duration publishTimeout,
        @DefaultValue("1000") int publishQueue, @DefaultValue("true") boolean sweeperEnabled,
        @DefaultValue("5s") Duration sweepInterval, @DefaultValue("10s") Duration sweepMinAge,
        @DefaultValue("200") int sweepBatchSize) {

    /** The most event ids session-store accepts in one ack call. */
    static final int MAX_ACK_BATCH_SIZE = 1000;

    EventsProperties {
        positive("topic-partitions", topicPartitions);
        positive("topic-replicas", topicReplicas);
        positive("ack-batch-size", ackBatchSize);
        if (ackBatchSize > MAX_ACK_BATCH_SIZE) {
            throw new IllegalArgumentException("parley.runtime.events.ack-batch-size must be at most "
                    + MAX_ACK_BATCH_SIZE + " (what session-store takes in one call) but was " + ackBatchSize);
        }
        positive("publish-queue", publishQueue);
        positive("sweep-batch-size", sweepBatchSize);
        positive("publish-timeout", publishTimeout);
        positive("sweep-interval", sweepInterval);
        positive("ack-interval", ackInterval);
        if (sweepMinAge.isNegative()) {
            throw new IllegalArgumentException(
                    "parley.runtime.events.sweep-min-age must not be negative but was " + sweepMinAge);
        }
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("parley.runtime.events." + name + " must be positive but was " + value);
        }
    }

    private static void positive(String name, Duration value) {
        if (!value.isPositive()) {
            throw new IllegalArgumentException("parley.runtime.events." + name + " must be positive but was " + value);
        }
    }
}
