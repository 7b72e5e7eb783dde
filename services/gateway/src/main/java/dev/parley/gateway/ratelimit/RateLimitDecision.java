package dev.parley.gateway.ratelimit;

import java.time.Duration;

/**
 * The answer of a {@link RateLimiter}.
 *
 * @param allowed    whether the request may proceed (it was counted)
 * @param scope      the scope of the exhausted counter, or {@code null} when allowed
 * @param retryAfter how long until that counter's window ends, or zero when allowed
 */
public record RateLimitDecision(boolean allowed, String scope, Duration retryAfter) {

    static final RateLimitDecision ALLOWED = new RateLimitDecision(true, null, Duration.ZERO);
}
