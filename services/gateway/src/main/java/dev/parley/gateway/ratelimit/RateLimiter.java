package dev.parley.gateway.ratelimit;

import java.util.List;

/** Counts requests against several limits at once: all are charged, or (when one is exhausted) none. */
public interface RateLimiter {

    /** Charges every rule, unless one is exhausted: then nothing is charged and that rule's wait is answered. */
    RateLimitDecision acquire(List<RateLimitRule> rules);
}
