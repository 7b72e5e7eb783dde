package dev.parley.callout.invocation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Invocation handling.
 *
 * @param idempotencyWindow     how long a replica remembers an invocation id's result, 1s..1h
 * @param idempotencyMaxEntries the most results it remembers (oldest dropped first), 100..10,000,000
 * @param idempotencyMaxBytes   the most memory those results may take (oldest dropped first), 1MB..1GB
 * @param oauthTokenMaxAge      an OAuth access token is fetched anew after this even if never refused, 1m..12h
 */
@ConfigurationProperties("parley.callout.invocation")
public record InvocationProperties(@DefaultValue("5m") Duration idempotencyWindow,
        @DefaultValue("100000") int idempotencyMaxEntries, @DefaultValue("64MB") DataSize idempotencyMaxBytes,
        @DefaultValue("1h") Duration oauthTokenMaxAge) {

    public InvocationProperties {
        if (idempotencyWindow.compareTo(Duration.ofSeconds(1)) < 0 || idempotencyWindow.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException(
                    "parley.callout.invocation.idempotency-window must be within 1s..1h, was " + idempotencyWindow);
        }
        if (idempotencyMaxEntries < 100 || idempotencyMaxEntries > 10_000_000) {
            throw new IllegalArgumentException("parley.callout.invocation.idempotency-max-entries must be within "
                    + "100..10000000, was " + idempotencyMaxEntries);
        }
        if (idempotencyMaxBytes.toBytes() < DataSize.ofMegabytes(1).toBytes()
                || idempotencyMaxBytes.toBytes() > DataSize.ofGigabytes(1).toBytes()) {
            throw new IllegalArgumentException("parley.callout.invocation.idempotency-max-bytes must be within "
                    + "1MB..1GB, was " + idempotencyMaxBytes);
        }
        if (oauthTokenMaxAge.compareTo(Duration.ofMinutes(1)) < 0 || oauthTokenMaxAge.compareTo(Duration.ofHours(12)) > 0) {
            throw new IllegalArgumentException(
                    "parley.callout.invocation.oauth-token-max-age must be within 1m..12h, was " + oauthTokenMaxAge);
        }
    }
}
