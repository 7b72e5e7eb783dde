package dev.parley.gateway.ratelimit;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the configured per-org and per-session limits. When the counter store cannot be reached the request is
 * let through (availability over strictness: the runtime has its own protection) and the failure is logged and
 * counted in {@code parley.gateway.ratelimit.errors}; refusals are counted in {@code parley.gateway.ratelimit.rejected}.
 */
public class RateLimits {

    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

    private final RateLimiter limiter;

    private final RateLimitProperties properties;

    private final MeterRegistry meters;

    public RateLimits(RateLimiter limiter, RateLimitProperties properties, MeterRegistry meters) {
        this.limiter = limiter;
        this.properties = properties;
        this.meters = meters;
    }

    /**
     * Charges one request to {@code orgId} and, when given, to {@code sessionKey}; throws
     * {@link RateLimitExceededException} when either is exhausted.
     */
    public void enforce(String orgId, String sessionKey) {
        if (!properties.enabled() || orgId == null) {
            return;
        }
        List<RateLimitRule> rules = new ArrayList<>(2);
        rules.add(new RateLimitRule("org", orgId, properties.orgLimit(), properties.orgWindow()));
        if (sessionKey != null) {
            rules.add(new RateLimitRule("session", orgId + ":" + sessionKey, properties.sessionLimit(),
                    properties.sessionWindow()));
        }
        RateLimitDecision decision;
        try {
            decision = limiter.acquire(rules);
        }
        catch (RuntimeException e) {
            meters.counter("parley.gateway.ratelimit.errors").increment();
            log.warn("Rate limits not applied: the counter store failed: {}", e.getMessage());
            return;
        }
        if (!decision.allowed()) {
            meters.counter("parley.gateway.ratelimit.rejected", "scope", decision.scope()).increment();
            throw new RateLimitExceededException(decision.scope(), decision.retryAfter());
        }
    }
}
