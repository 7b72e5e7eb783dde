package dev.parley.loguploader.destination;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What admins may configure as destinations; checked at startup.
 *
 * @param allowHttp           accept {@code http://} URLs (local runs and tests only; customers' endpoints use https)
 * @param allowPrivateNetwork accept and call loopback, private, link-local and other non-public addresses (local runs
 *                            and tests only: in production they would let an admin reach the private network)
 * @param maxPerOrg           destinations one org may have
 * @param defaultBatchSize    batch size of a destination that does not set one
 * @param defaultLinger       linger of a destination that does not set one
 * @param refreshInterval     how often each replica re-reads the destinations others may have changed
 */
@ConfigurationProperties("parley.log-uploader.destinations")
public record DestinationProperties(boolean allowHttp, boolean allowPrivateNetwork,
        @DefaultValue("20") int maxPerOrg, @DefaultValue("200") int defaultBatchSize,
        @DefaultValue("1s") Duration defaultLinger, @DefaultValue("2s") Duration refreshInterval) {

    /** The largest batch size a destination may ask for. */
    public static final int MAX_BATCH_SIZE = 1000;

    /** The longest linger a destination may ask for. */
    public static final int MAX_LINGER_MILLIS = 60_000;

    public DestinationProperties {
        String prefix = "parley.log-uploader.destinations.";
        require(maxPerOrg >= 1 && maxPerOrg <= 1000, prefix + "max-per-org must be within 1..1000, was " + maxPerOrg);
        require(defaultBatchSize >= 1 && defaultBatchSize <= MAX_BATCH_SIZE,
                prefix + "default-batch-size must be within 1.." + MAX_BATCH_SIZE + ", was " + defaultBatchSize);
        require(!defaultLinger.isNegative() && defaultLinger.toMillis() <= MAX_LINGER_MILLIS,
                prefix + "default-linger must be within 0..60s, was " + defaultLinger);
        require(refreshInterval.compareTo(Duration.ofMillis(100)) >= 0 && refreshInterval.compareTo(Duration.ofMinutes(1)) <= 0,
                prefix + "refresh-interval must be within 100ms..1m, was " + refreshInterval);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
