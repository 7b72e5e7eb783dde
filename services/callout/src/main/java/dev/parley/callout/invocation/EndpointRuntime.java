package dev.parley.callout.invocation;

import dev.parley.callout.CalloutFailure;
import dev.parley.callout.api.EndpointConfig;
import dev.parley.callout.api.EndpointHealth;
import dev.parley.callout.api.EndpointKinds;
import dev.parley.callout.auth.Authenticator;
import dev.parley.callout.http.GuardedHttpClient;
import dev.parley.callout.http.OutboundRequest;
import dev.parley.callout.http.OutboundResponse;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One endpoint ready to call, built from one version of its configuration: request plan, authentication, HTTP
 * client and its Resilience4j bulkhead, retry and circuit breaker, applied in that order (the bulkhead holds a permit
 * across retries; each attempt asks the breaker).
 */
final class EndpointRuntime {

    private final String orgId;
    private final EndpointConfig config;
    private final String resilienceName;
    private final CallPlan plan;
    private final Authenticator authenticator;
    private final GuardedHttpClient http;
    private final CircuitBreaker breaker;
    private final Bulkhead bulkhead;
    private final Retry retry;
    private final long retryWaitNanos;

    EndpointRuntime(String orgId, EndpointConfig config, String resilienceName, CallPlan plan,
            Authenticator authenticator, GuardedHttpClient http, CircuitBreaker breaker, Bulkhead bulkhead,
            Retry retry) {
        this.orgId = orgId;
        this.config = config;
        this.resilienceName = resilienceName;
        this.plan = plan;
        this.authenticator = authenticator;
        this.http = http;
        this.breaker = breaker;
        this.bulkhead = bulkhead;
        this.retry = retry;
        this.retryWaitNanos = TimeUnit.MILLISECONDS.toNanos(config.retry().waitMs());
    }

    /**
     * Calls the endpoint.
     *
     * @param deadlineNanos {@link System#nanoTime()} by which it must be done
     * @param limitMillis   the time limit the deadline stands for
     * @return the outputs
     * @throws CalloutFailure whatever went wrong
     */
    Map<String, Object> invoke(Map<String, Object> inputs, String invocationId, long deadlineNanos, long limitMillis) {
        OutboundRequest request = plan.request(inputs, invocationId);
        if (!bulkhead.tryAcquirePermission()) {
            throw CalloutFailure.bulkheadFull(config.name(), config.bulkhead().maxConcurrentCalls());
        }
        try {
            OutboundResponse response = retry == null ? guarded(request, deadlineNanos, limitMillis)
                    : retry.executeSupplier(() -> guarded(request, deadlineNanos, limitMillis));
            return plan.outputs(response);
        } finally {
            bulkhead.onComplete();
        }
    }

    private OutboundResponse guarded(OutboundRequest request, long deadlineNanos, long limitMillis) {
        try {
            return breaker.executeSupplier(() -> attempt(request, deadlineNanos, limitMillis));
        } catch (CallNotPermittedException e) {
            throw CalloutFailure.circuitOpen(config.name());
        }
    }

    private OutboundResponse attempt(OutboundRequest request, long deadlineNanos, long limitMillis) {
        try {
            String authorization = authenticator.authorization(deadlineNanos, limitMillis);
            OutboundResponse response = http.exchange(authorized(request, authorization), deadlineNanos, limitMillis,
                    config.maxResponseBytes());
            if (response.status() == 401 && authorization != null && authenticator.rejected(authorization)) {
                // an expired or revoked OAuth token: fetch a fresh one, then try once more
                String fresh = authenticator.authorization(deadlineNanos, limitMillis);
                response = http.exchange(authorized(request, fresh), deadlineNanos, limitMillis,
                        config.maxResponseBytes());
                if (response.status() == 401) {
                    throw CalloutFailure.auth("the API refused a freshly fetched access token: "
                            + plan.errorMessage(response), 401);
                }
            }
            if (!response.successful()) {
                throw CalloutFailure.http(response.status(), plan.errorMessage(response));
            }
            return response;
        } catch (CalloutFailure failure) {
            if (failure.retryable() && (retry == null || deadlineNanos - System.nanoTime() <= retryWaitNanos)) {
                throw failure.notRetryable();
            }
            throw failure;
        }
    }

    private static OutboundRequest authorized(OutboundRequest request, String authorization) {
        if (authorization == null) {
            return request;
        }
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        headers.put("Authorization", authorization);
        return new OutboundRequest(request.method(), request.uri(), headers, request.body());
    }

    /** Whether the bot's invocation type may call an endpoint of this kind. */
    boolean serves(String actionType) {
        return switch (config.kind()) {
            case EndpointKinds.HTTP -> actionType.equals("http") || actionType.equals("externalService");
            default -> actionType.equals(config.kind());
        };
    }

    EndpointHealth health() {
        CircuitBreaker.Metrics metrics = breaker.getMetrics();
        Bulkhead.Metrics bulkheadMetrics = bulkhead.getMetrics();
        return new EndpointHealth(config.name(), resilienceName, config.version() == null ? 0 : config.version(),
                new EndpointHealth.CircuitBreakerHealth(breaker.getState().name(), metrics.getFailureRate(),
                        metrics.getSlowCallRate(), metrics.getNumberOfBufferedCalls(), metrics.getNumberOfFailedCalls(),
                        metrics.getNumberOfNotPermittedCalls()),
                new EndpointHealth.BulkheadHealth(bulkheadMetrics.getMaxAllowedConcurrentCalls(),
                        bulkheadMetrics.getAvailableConcurrentCalls()));
    }

    String orgId() {
        return orgId;
    }

    EndpointConfig config() {
        return config;
    }

    String resilienceName() {
        return resilienceName;
    }

    long callMillis() {
        return config.timeouts().callMs();
    }

    long version() {
        return config.version() == null ? 0 : config.version();
    }

    GuardedHttpClient http() {
        return http;
    }
}
