package dev.parley.runtime.turn;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Time and work bounds of one turn; checked at startup.
 *
 * @param leaseTtl        how long a turn may hold the session before another may fence it out; longer than the
 *                        callout budget, so a turn that waits out its callouts still commits
 * @param leaseWait       how long a turn waits for earlier turns of its session before answering SESSION_BUSY
 * @param timeout         a turn that has not committed after this long gives up (UNAVAILABLE) instead of committing
 * @param maxStepsPerTurn steps one turn may run before the engine ends the session as an infinite loop
 */
@ConfigurationProperties("parley.runtime.turn")
record TurnProperties(@DefaultValue("15s") Duration leaseTtl, @DefaultValue("5s") Duration leaseWait,
        @DefaultValue("20s") Duration timeout, @DefaultValue("200") int maxStepsPerTurn) {

    TurnProperties {
        if (leaseTtl.compareTo(Duration.ofMillis(100)) < 0 || leaseTtl.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new IllegalArgumentException("parley.runtime.turn.lease-ttl must be within 100ms..60s but was "
                    + leaseTtl);
        }
        if (leaseWait.isNegative() || leaseWait.compareTo(Duration.ofSeconds(30)) > 0) {
            throw new IllegalArgumentException("parley.runtime.turn.lease-wait must be within 0..30s but was "
                    + leaseWait);
        }
        if (timeout.compareTo(leaseWait) <= 0 || timeout.compareTo(Duration.ofSeconds(25)) > 0) {
            throw new IllegalArgumentException("parley.runtime.turn.timeout must exceed lease-wait and be at most 25s "
                    + "(no request may take 30 s) but was " + timeout);
        }
        if (maxStepsPerTurn < 1) {
            throw new IllegalArgumentException("parley.runtime.turn.max-steps-per-turn must be positive but was "
                    + maxStepsPerTurn);
        }
    }
}
