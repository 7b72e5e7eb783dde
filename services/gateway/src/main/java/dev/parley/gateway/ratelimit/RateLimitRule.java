package dev.parley.gateway.ratelimit;

import java.time.Duration;

/**
 * One counter to charge: at most {@code limit} requests per {@code window} under {@code key}.
 *
 * @param scope  what the counter limits ({@code org} or {@code session}), for messages and metrics
 * @param key    the counter's key, unique per scope
 * @param limit  requests allowed per window
 * @param window the window's length
 */
public record RateLimitRule(String scope, String key, int limit, Duration window) {
}
