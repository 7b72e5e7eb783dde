package dev.parley.gateway.ratelimit;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A request over its org's or session's rate limit: 429 with {@code Retry-After} in whole seconds. As an
 * {@code ErrorResponse} it is rendered by whichever error handler owns the route (the Bot API's error body, or the
 * webhooks' problem details).
 */
public class RateLimitExceededException extends ErrorResponseException {

    private final Duration retryAfter;

    public RateLimitExceededException(String scope, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS);
        this.retryAfter = retryAfter;
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        setDetail("Too many requests for this " + scope + "; retry after " + seconds + " seconds");
    }

    /** How long until the exhausted window ends. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
