package dev.parley.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.parley.testkit.Infrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The fixed-window Lua limiter against a real Redis. */
class RedisRateLimiterIntegrationTests {

    static LettuceConnectionFactory connections;

    static RedisRateLimiter limiter;

    @BeforeAll
    static void connect() {
        var redis = Infrastructure.redis();
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(redis.host(), redis.port()));
        connections.afterPropertiesSet();
        connections.start();
        limiter = new RedisRateLimiter(new StringRedisTemplate(connections));
    }

    @AfterAll
    static void disconnect() {
        connections.destroy();
    }

    @Test
    void allowsUpToTheLimitThenAnswersTheRestOfTheWindow() {
        RateLimitRule rule = new RateLimitRule("session", UUID.randomUUID().toString(), 3, Duration.ofMinutes(1));
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire(List.of(rule)).allowed()).isTrue();
        }

        RateLimitDecision refused = limiter.acquire(List.of(rule));

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.scope()).isEqualTo("session");
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void anExhaustedRuleChargesNoneOfTheOthers() {
        RateLimitRule org = new RateLimitRule("org", UUID.randomUUID().toString(), 2, Duration.ofMinutes(1));
        RateLimitRule busySession = new RateLimitRule("session", UUID.randomUUID().toString(), 1,
                Duration.ofMinutes(1));
        assertThat(limiter.acquire(List.of(org, busySession)).allowed()).isTrue();

        RateLimitDecision refused = limiter.acquire(List.of(org, busySession));

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.scope()).isEqualTo("session");
        // the org was charged once, not twice: one more request of another session fits
        RateLimitRule otherSession = new RateLimitRule("session", UUID.randomUUID().toString(), 1,
                Duration.ofMinutes(1));
        assertThat(limiter.acquire(List.of(org, otherSession)).allowed()).isTrue();
        assertThat(limiter.acquire(List.of(org)).allowed()).isFalse();
    }

    @Test
    void aNewWindowStartsAfresh() throws InterruptedException {
        RateLimitRule rule = new RateLimitRule("org", UUID.randomUUID().toString(), 1, Duration.ofSeconds(1));
        assertThat(limiter.acquire(List.of(rule)).allowed()).isTrue();
        RateLimitDecision refused = limiter.acquire(List.of(rule));
        assertThat(refused.allowed()).isFalse();

        Thread.sleep(refused.retryAfter().toMillis() + 20);

        assertThat(limiter.acquire(List.of(rule)).allowed()).isTrue();
    }
}
