package dev.parley.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class RateLimitsTests {

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    final RateLimitProperties properties = new RateLimitProperties(true, 100, Duration.ofMinutes(1), 10,
            Duration.ofSeconds(30));

    @Test
    void chargesTheOrgAndTheSessionWithTheirOwnLimits() {
        List<RateLimitRule> charged = new ArrayList<>();
        new RateLimits(rules -> {
            charged.addAll(rules);
            return RateLimitDecision.ALLOWED;
        }, properties, meters).enforce("org1", "sms:b:+1555");

        assertThat(charged).containsExactly(new RateLimitRule("org", "org1", 100, Duration.ofMinutes(1)),
                new RateLimitRule("session", "org1:sms:b:+1555", 10, Duration.ofSeconds(30)));
    }

    @Test
    void aRefusalBecomes429WithRetryAfterInWholeSecondsRoundedUp() {
        RateLimits limits = new RateLimits(rules -> new RateLimitDecision(false, "org", Duration.ofMillis(1500)),
                properties, meters);

        assertThatThrownBy(() -> limits.enforce("org1", null)).isInstanceOfSatisfying(
                RateLimitExceededException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(429);
                    assertThat(e.getHeaders().getFirst("Retry-After")).isEqualTo("2");
                    assertThat(e.getBody().getDetail()).contains("org");
                });
        assertThat(meters.counter("parley.gateway.ratelimit.rejected", "scope", "org").count()).isEqualTo(1);
    }

    @Test
    void aFailingCounterStoreLetsRequestsThroughAndIsCounted() {
        RateLimits limits = new RateLimits(rules -> {
            throw new IllegalStateException("redis down");
        }, properties, meters);

        limits.enforce("org1", "s1");

        assertThat(meters.counter("parley.gateway.ratelimit.errors").count()).isEqualTo(1);
    }

    @Test
    void disabledLimitsChargeNothing() {
        RateLimits limits = new RateLimits(rules -> {
            throw new AssertionError("charged");
        }, new RateLimitProperties(false, 1, Duration.ofMinutes(1), 1, Duration.ofMinutes(1)), meters);

        limits.enforce("org1", "s1");
    }

    @Test
    void invalidSettingsNameThePropertyAndValue() {
        assertThatThrownBy(() -> new RateLimitProperties(true, 0, Duration.ofMinutes(1), 1, Duration.ofMinutes(1)))
                .hasMessage("parley.gateway.rate-limits.org-limit must be between 1 and 1000000, was 0");
        assertThatThrownBy(() -> new RateLimitProperties(true, 1, Duration.ofMinutes(1), 1, Duration.ofMillis(1500)))
                .hasMessage("parley.gateway.rate-limits.session-window must be whole seconds between 1s and 1d, "
                        + "was PT1.5S");
    }
}
