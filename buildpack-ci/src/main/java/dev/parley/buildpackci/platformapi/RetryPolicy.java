package dev.parley.buildpackci.platformapi;

import java.time.Duration;

/**
 * How often and how patiently to retry rate-limited (429), failing (5xx) and unanswered requests: exponential
 * backoff from {@code initialDelay}, doubled per attempt up to {@code maxDelay}, at most {@code maxAttempts} tries.
 *
 * @param maxAttempts tries in all, at least 1
 * @param initialDelay wait before the second try
 * @param maxDelay longest wait between two tries
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {

    /** For the real Platform API: its rate limit refills in tens of seconds, so wait up to half a minute. */
    public static final RetryPolicy PLATFORM = new RetryPolicy(8, Duration.ofSeconds(1), Duration.ofSeconds(30));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("Need 0 <= initialDelay <= maxDelay, was " + initialDelay + " and "
                    + maxDelay);
        }
    }

    /** The wait after failed try number {@code attempt} (1-based); at least {@code retryAfter} when the server said. */
    public Duration delay(int attempt, Duration retryAfter) {
        long millis = this.initialDelay.toMillis() << Math.min(attempt - 1, 20);
        Duration backoff = Duration.ofMillis(Math.min(millis, this.maxDelay.toMillis()));
        return (retryAfter != null && retryAfter.compareTo(backoff) > 0) ? retryAfter : backoff;
    }

}
