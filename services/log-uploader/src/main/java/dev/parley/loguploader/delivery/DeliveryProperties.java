package dev.parley.loguploader.delivery;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How batches are delivered; checked at startup.
 *
 * @param retryDelays                 pause before each retry of a failed batch, one entry per retry (6 by default,
 *                                    about 16 hours in all); a batch whose last retry fails is kept as dead
 * @param jitter                      each pause is spread by up to this fraction either way (0..0.5), so batches that
 *                                    failed together do not all return at once
 * @param timeoutFloor                the shortest connect and response timeout
 * @param timeoutCeiling              the longest connect and response timeout
 * @param timeoutInitial              the timeout of a destination without successful deliveries yet
 * @param timeoutMultiplier           timeout = this × the median latency of recent successful deliveries
 * @param timeoutSamples              how many recent successful deliveries the median is taken over
 * @param maxInFlight                 deliveries one replica runs at once
 * @param maxConcurrentPerDestination bulkhead: deliveries one replica runs at once to one destination
 * @param claimLease                  a claimed batch is retaken by any worker when its claim is this old (a crashed
 *                                    worker's); must exceed the longest delivery
 * @param pollInterval                how often workers look for due batches when nothing wakes them
 * @param breakerFailureRate          circuit breaker: failure percentage of the window that opens it
 * @param breakerMinimumCalls         circuit breaker: calls needed before the rate counts
 * @param breakerWindow               circuit breaker: how many recent calls the rate is taken over
 * @param breakerOpenWait             circuit breaker: how long an open breaker refuses calls before trying again
 * @param breakerHalfOpenCalls        circuit breaker: trial calls while half-open
 * @param maxRetryAfter               the longest {@code Retry-After} of a 429 or 503 that is honoured as given
 */
@ConfigurationProperties("parley.log-uploader.delivery")
record DeliveryProperties(@DefaultValue({"1m", "5m", "25m", "90m", "4h", "10h"}) List<Duration> retryDelays,
        @DefaultValue("0.2") double jitter, @DefaultValue("1s") Duration timeoutFloor,
        @DefaultValue("20s") Duration timeoutCeiling, @DefaultValue("10s") Duration timeoutInitial,
        @DefaultValue("1.5") double timeoutMultiplier, @DefaultValue("31") int timeoutSamples,
        @DefaultValue("64") int maxInFlight, @DefaultValue("4") int maxConcurrentPerDestination,
        @DefaultValue("60s") Duration claimLease, @DefaultValue("250ms") Duration pollInterval,
        @DefaultValue("50") float breakerFailureRate, @DefaultValue("5") int breakerMinimumCalls,
        @DefaultValue("20") int breakerWindow, @DefaultValue("60s") Duration breakerOpenWait,
        @DefaultValue("2") int breakerHalfOpenCalls, @DefaultValue("24h") Duration maxRetryAfter) {

    private static final String PREFIX = "parley.log-uploader.delivery.";

    DeliveryProperties {
        retryDelays = List.copyOf(retryDelays);
        require(!retryDelays.isEmpty() && retryDelays.size() <= 20,
                "retry-delays must list 1..20 pauses, was " + retryDelays);
        for (Duration delay : retryDelays) {
            require(delay.isPositive() && delay.compareTo(Duration.ofDays(2)) <= 0,
                    "retry-delays entries must be within 0..2d, was " + delay);
        }
        require(jitter >= 0 && jitter <= 0.5, "jitter must be within 0..0.5, was " + jitter);
        require(timeoutFloor.toMillis() >= 10, "timeout-floor must be at least 10ms, was " + timeoutFloor);
        require(timeoutCeiling.compareTo(timeoutFloor) >= 0 && timeoutCeiling.compareTo(Duration.ofMinutes(2)) <= 0,
                "timeout-ceiling must be within timeout-floor..2m, was " + timeoutCeiling);
        require(timeoutInitial.compareTo(timeoutFloor) >= 0 && timeoutInitial.compareTo(timeoutCeiling) <= 0,
                "timeout-initial must be within timeout-floor..timeout-ceiling, was " + timeoutInitial);
        require(timeoutMultiplier >= 1 && timeoutMultiplier <= 10,
                "timeout-multiplier must be within 1..10, was " + timeoutMultiplier);
        require(timeoutSamples >= 1 && timeoutSamples <= 1000,
                "timeout-samples must be within 1..1000, was " + timeoutSamples);
        require(maxInFlight >= 1 && maxInFlight <= 1000, "max-in-flight must be within 1..1000, was " + maxInFlight);
        require(maxConcurrentPerDestination >= 1 && maxConcurrentPerDestination <= maxInFlight,
                "max-concurrent-per-destination must be within 1..max-in-flight, was " + maxConcurrentPerDestination);
        // a delivery may take a connect timeout plus a response timeout
        require(claimLease.compareTo(timeoutCeiling.multipliedBy(2).plusSeconds(1)) >= 0,
                "claim-lease must be at least 2 × timeout-ceiling + 1s, was " + claimLease);
        require(pollInterval.toMillis() >= 10 && pollInterval.compareTo(Duration.ofSeconds(10)) <= 0,
                "poll-interval must be within 10ms..10s, was " + pollInterval);
        require(breakerFailureRate > 0 && breakerFailureRate <= 100,
                "breaker-failure-rate must be within 1..100, was " + breakerFailureRate);
        require(breakerWindow >= 1 && breakerWindow <= 1000, "breaker-window must be within 1..1000, was " + breakerWindow);
        require(breakerMinimumCalls >= 1 && breakerMinimumCalls <= breakerWindow,
                "breaker-minimum-calls must be within 1..breaker-window, was " + breakerMinimumCalls);
        require(breakerOpenWait.toMillis() >= 100, "breaker-open-wait must be at least 100ms, was " + breakerOpenWait);
        require(breakerHalfOpenCalls >= 1 && breakerHalfOpenCalls <= 100,
                "breaker-half-open-calls must be within 1..100, was " + breakerHalfOpenCalls);
        require(maxRetryAfter.isPositive(), "max-retry-after must be positive, was " + maxRetryAfter);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(PREFIX + message);
        }
    }
}
