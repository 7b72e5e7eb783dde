package dev.parley.callout.api;

/**
 * Live resilience state of one endpoint on the replica that answers.
 *
 * @param name           the endpoint
 * @param resilienceName the name its breaker, bulkhead and retry carry in metrics ({@code orgId:name})
 * @param version        the configuration version these instances were built from
 * @param circuitBreaker the breaker
 * @param bulkhead       the bulkhead
 */
public record EndpointHealth(String name, String resilienceName, long version, CircuitBreakerHealth circuitBreaker,
        BulkheadHealth bulkhead) {

    /**
     * A circuit breaker's state and window.
     *
     * @param state             CLOSED, OPEN, HALF_OPEN (or DISABLED, FORCED_OPEN, METRICS_ONLY)
     * @param failureRate       percent of failures in the window, -1 until the minimum number of calls
     * @param slowCallRate      percent of slow calls in the window, -1 until the minimum number of calls
     * @param bufferedCalls     calls in the window
     * @param failedCalls       failed calls in the window
     * @param notPermittedCalls calls refused since it was built
     */
    public record CircuitBreakerHealth(String state, float failureRate, float slowCallRate, int bufferedCalls,
            int failedCalls, long notPermittedCalls) {
    }

    /**
     * A bulkhead's usage.
     *
     * @param maxConcurrentCalls its cap
     * @param availableCalls     free permits right now
     */
    public record BulkheadHealth(int maxConcurrentCalls, int availableCalls) {
    }
}
