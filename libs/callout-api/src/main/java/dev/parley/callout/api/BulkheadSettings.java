package dev.parley.callout.api;

/**
 * The endpoint's bulkhead: calls beyond the cap fail at once with {@code BULKHEAD_FULL}.
 *
 * @param maxConcurrentCalls concurrent calls per replica, 1..1000 (default 20)
 */
public record BulkheadSettings(Integer maxConcurrentCalls) {
}
