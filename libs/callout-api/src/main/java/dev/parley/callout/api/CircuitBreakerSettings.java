package dev.parley.callout.api;

/**
 * The endpoint's circuit breaker (count-based sliding window). Failures are timeouts, connection failures, 5xx and
 * 429 answers; 4xx answers, mapping errors and blocked targets do not count either way.
 *
 * @param failureRateThreshold          percent of failed calls that opens it, 1..100 (default 50)
 * @param slowCallRateThreshold         percent of slow calls that opens it, 1..100 (default 100)
 * @param slowCallDurationMs            a call at least this long is slow, 1..60000 (default 5000)
 * @param minimumNumberOfCalls          calls needed before rates count, 1..1000 (default 10)
 * @param slidingWindowSize             calls the rates are computed over, 1..1000 (default 20)
 * @param waitDurationInOpenStateMs     how long it stays open before letting probes through, 1..3600000 (default 30000)
 * @param permittedCallsInHalfOpenState probes in half-open state, 1..100 (default 3)
 */
public record CircuitBreakerSettings(Integer failureRateThreshold, Integer slowCallRateThreshold,
        Long slowCallDurationMs, Integer minimumNumberOfCalls, Integer slidingWindowSize,
        Long waitDurationInOpenStateMs, Integer permittedCallsInHalfOpenState) {
}
