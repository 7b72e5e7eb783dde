package dev.parley.gateway.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limits of the public edge, bound from {@code parley.gateway.rate-limits.*}: fixed windows counted in Redis,
 * shared by all replicas. An org's counter covers its Bot API calls and its channel messages together; a session's
 * covers one Bot API session or one channel conversation.
 *
 * @param enabled       whether limits are enforced
 * @param orgLimit      requests per org per {@code orgWindow}
 * @param orgWindow     the org window
 * @param sessionLimit  requests per session or conversation per {@code sessionWindow}
 * @param sessionWindow the session window
 */
@ConfigurationProperties("parley.gateway.rate-limits")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1200") int orgLimit,
        @DefaultValue("1m") Duration orgWindow,
        @DefaultValue("30") int sessionLimit,
        @DefaultValue("1m") Duration sessionWindow) {

    private static final String PREFIX = "parley.gateway.rate-limits.";

    public RateLimitProperties {
        requirePositive("org-limit", orgLimit);
        requirePositive("session-limit", sessionLimit);
        requireWindow("org-window", orgWindow);
        requireWindow("session-window", sessionWindow);
    }

    private static void requirePositive(String name, int value) {
        if (value < 1 || value > 1_000_000) {
            throw new IllegalArgumentException(PREFIX + name + " must be between 1 and 1000000, was " + value);
        }
    }

    private static void requireWindow(String name, Duration value) {
        if (value == null || value.compareTo(Duration.ofSeconds(1)) < 0 || value.compareTo(Duration.ofDays(1)) > 0
                || value.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException(PREFIX + name + " must be whole seconds between 1s and 1d, was "
                    + value);
        }
    }
}
