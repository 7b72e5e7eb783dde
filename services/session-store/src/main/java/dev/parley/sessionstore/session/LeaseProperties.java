package dev.parley.sessionstore.session;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How lease waiters poll.
 *
 * @param waiterLiveness a queued waiter that has not polled for this long is presumed dead and dropped from the queue
 * @param minBackoff     first pause between two attempts, and the pause after a release notification
 * @param maxBackoff     the pause grows (doubling) up to this
 */
@ConfigurationProperties("parley.session-store.lease")
record LeaseProperties(@DefaultValue("1s") Duration waiterLiveness, @DefaultValue("2ms") Duration minBackoff,
        @DefaultValue("20ms") Duration maxBackoff) {

    LeaseProperties {
        require(waiterLiveness.compareTo(Duration.ofMillis(100)) >= 0 && waiterLiveness.compareTo(Duration.ofSeconds(30)) <= 0,
                "parley.session-store.lease.waiter-liveness must be within 100ms..30s, was " + waiterLiveness);
        require(minBackoff.compareTo(Duration.ofMillis(1)) >= 0,
                "parley.session-store.lease.min-backoff must be at least 1ms, was " + minBackoff);
        require(maxBackoff.compareTo(minBackoff) >= 0 && maxBackoff.compareTo(waiterLiveness.dividedBy(4)) <= 0,
                "parley.session-store.lease.max-backoff must be within min-backoff..waiter-liveness/4, was "
                        + maxBackoff);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
