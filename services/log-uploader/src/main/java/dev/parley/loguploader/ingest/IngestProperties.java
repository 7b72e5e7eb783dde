package dev.parley.loguploader.ingest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How turn events are read and batched; checked at startup.
 *
 * @param consumerThreads   consumers of the {@code log-uploader} group in this replica
 * @param maxBatchBytes     a batch closes before its body would exceed about this size
 * @param maxBufferedEvents events one consumer holds in memory before it pauses reading
 * @param commitInterval    how often stored positions are committed to Kafka at most
 * @param maxPollWait       the longest one poll waits for records
 * @param dltReplicas       replication factor of the dead-letter topic when this service creates it
 */
@ConfigurationProperties("parley.log-uploader.ingest")
record IngestProperties(@DefaultValue("1") int consumerThreads, @DefaultValue("4MB") DataSize maxBatchBytes,
        @DefaultValue("50000") int maxBufferedEvents, @DefaultValue("1s") Duration commitInterval,
        @DefaultValue("200ms") Duration maxPollWait, @DefaultValue("1") short dltReplicas) {

    /** The dead-letter topic for records that are not turn events, before {@code KAFKA_PREFIX}. */
    static final String DEAD_LETTER_TOPIC = "parley.turn-events.log-uploader.dlt";

    IngestProperties {
        String prefix = "parley.log-uploader.ingest.";
        require(consumerThreads >= 1 && consumerThreads <= 32,
                prefix + "consumer-threads must be within 1..32, was " + consumerThreads);
        require(maxBatchBytes.toBytes() >= 64 * 1024 && maxBatchBytes.toMegabytes() <= 32,
                prefix + "max-batch-bytes must be within 64KB..32MB, was " + maxBatchBytes);
        require(maxBufferedEvents >= 1000 && maxBufferedEvents <= 1_000_000,
                prefix + "max-buffered-events must be within 1000..1000000, was " + maxBufferedEvents);
        require(commitInterval.toMillis() >= 10 && commitInterval.compareTo(Duration.ofMinutes(1)) <= 0,
                prefix + "commit-interval must be within 10ms..1m, was " + commitInterval);
        require(maxPollWait.toMillis() >= 10 && maxPollWait.compareTo(Duration.ofSeconds(5)) <= 0,
                prefix + "max-poll-wait must be within 10ms..5s, was " + maxPollWait);
        require(dltReplicas >= 1, prefix + "dlt-replicas must be positive, was " + dltReplicas);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
