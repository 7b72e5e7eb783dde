package dev.parley.loguploader.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a failed batch is tried again: the configured pause for that retry, spread at random by the jitter fraction
 * either way, and never sooner than a {@code Retry-After} the destination asked for. After the last retry, none.
 */
final class RetrySchedule {

    private final List<Duration> delays;
    private final double jitter;
    private final Duration maxRetryAfter;
    private final RandomGenerator random;

    RetrySchedule(List<Duration> delays, double jitter, Duration maxRetryAfter, RandomGenerator random) {
        this.delays = List.copyOf(delays);
        this.jitter = jitter;
        this.maxRetryAfter = maxRetryAfter;
        this.random = random;
    }

    /** Retries after the first attempt. */
    int maxRetries() {
        return delays.size();
    }

    /**
     * The time of the next attempt after {@code attemptsMade} attempts (the first one included) all failed, or empty
     * when the retries are used up.
     */
    Optional<Instant> next(int attemptsMade, Instant now, Duration retryAfter) {
        if (attemptsMade < 1 || attemptsMade > delays.size()) {
            return Optional.empty();
        }
        Duration base = delays.get(attemptsMade - 1);
        double factor = 1 + jitter * (2 * random.nextDouble() - 1);
        Duration delay = Duration.ofMillis(Math.max(1, Math.round(base.toMillis() * factor)));
        if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
            delay = retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
        }
        return Optional.of(now.plus(delay));
    }
}
