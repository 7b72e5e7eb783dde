package dev.parley.eventsconsumer.retention;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How long debug logs and metrics are kept, and how the clean-up deletes; checked at startup.
 *
 * @param enabled    whether this instance runs the clean-up job (one replica at a time does, whatever this says)
 * @param age        debug-log events, session summaries and once-per-turn markers older than this are deleted; events
 *                   older than this that arrive late are not stored (their duplicates could no longer be told)
 * @param metricsAge metric aggregates older than this are deleted; at least {@code age}
 * @param batchSize  rows one delete statement removes (each statement is its own short transaction)
 * @param interval   pause between two clean-up runs
 */
@ConfigurationProperties("parley.events-consumer.retention")
public record RetentionProperties(@DefaultValue("true") boolean enabled, @DefaultValue("30d") Duration age,
        @DefaultValue("400d") Duration metricsAge, @DefaultValue("5000") int batchSize,
        @DefaultValue("10m") Duration interval) {

    private static final String PREFIX = "parley.events-consumer.retention.";

    public RetentionProperties {
        require(age.compareTo(Duration.ofHours(1)) >= 0, "age must be at least 1h but was " + age);
        require(metricsAge.compareTo(age) >= 0, "metrics-age must be at least age (" + age + ") but was " + metricsAge);
        require(batchSize >= 1 && batchSize <= 100_000, "batch-size must be within 1..100000 but was " + batchSize);
        require(interval.compareTo(Duration.ofSeconds(1)) >= 0, "interval must be at least 1s but was " + interval);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(PREFIX + message);
        }
    }
}
