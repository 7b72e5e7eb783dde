package dev.parley.loguploader.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long finished batches are kept; checked at startup. Reprocessing a range re-sends the same batch ids only
 * while its batches are kept, so keep delivered batches at least as long as the topic keeps events.
 *
 * @param delivered how long delivered batches are kept
 * @param dead      how long dead batches are kept for admins to see and replay
 * @param interval  pause between two sweeps
 * @param chunkSize batches one delete removes, so no sweep holds locks for long
 */
@ConfigurationProperties("parley.log-uploader.retention")
record RetentionProperties(@DefaultValue("7d") Duration delivered, @DefaultValue("30d") Duration dead,
        @DefaultValue("10m") Duration interval, @DefaultValue("500") int chunkSize) {

    RetentionProperties {
        String prefix = "parley.log-uploader.retention.";
        require(delivered.compareTo(Duration.ofHours(1)) >= 0, prefix + "delivered must be at least 1h, was " + delivered);
        require(dead.compareTo(Duration.ofHours(1)) >= 0, prefix + "dead must be at least 1h, was " + dead);
        require(interval.compareTo(Duration.ofSeconds(1)) >= 0, prefix + "interval must be at least 1s, was " + interval);
        require(chunkSize >= 1 && chunkSize <= 10_000, prefix + "chunk-size must be within 1..10000, was " + chunkSize);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
