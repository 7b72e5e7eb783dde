package dev.parley.loguploader.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryScheduleTests {

    private static final List<Duration> DEFAULT_DELAYS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(25), Duration.ofMinutes(90), Duration.ofHours(4), Duration.ofHours(10));
    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

    private final RetrySchedule schedule = new RetrySchedule(DEFAULT_DELAYS, 0.2, Duration.ofHours(24), new Random(7));

    @Test
    void theDefaultScheduleSpreadsSixRetriesOverAboutSixteenHours() {
        Duration total = DEFAULT_DELAYS.stream().reduce(Duration.ZERO, Duration::plus);

        assertThat(schedule.maxRetries()).isEqualTo(6);
        assertThat(total).isBetween(Duration.ofHours(15), Duration.ofHours(17));
    }

    @Test
    void eachRetryWaitsItsDelaySpreadByTheJitter() {
        for (int attempts = 1; attempts <= 6; attempts++) {
            Duration base = DEFAULT_DELAYS.get(attempts - 1);
            for (int i = 0; i < 200; i++) {
                Duration wait = Duration.between(NOW, schedule.next(attempts, NOW, null).orElseThrow());
                assertThat(wait).isBetween(scaled(base, 0.8), scaled(base, 1.2));
            }
        }
    }

    @Test
    void jitterSpreadsBatchesThatFailedTogether() {
        long distinct = java.util.stream.IntStream.range(0, 100)
                .mapToObj(i -> schedule.next(1, NOW, null).orElseThrow())
                .distinct().count();

        assertThat(distinct).isGreaterThan(90);
    }

    @Test
    void noRetryIsLeftAfterTheSixth() {
        assertThat(schedule.next(6, NOW, null)).isPresent();
        assertThat(schedule.next(7, NOW, null)).isEmpty();
    }

    @Test
    void aLongerRetryAfterIsHonoured() {
        Instant next = schedule.next(1, NOW, Duration.ofHours(2)).orElseThrow();

        assertThat(next).isEqualTo(NOW.plus(Duration.ofHours(2)));
    }

    @Test
    void aShorterRetryAfterDoesNotShortenTheSchedule() {
        Instant next = schedule.next(2, NOW, Duration.ofSeconds(1)).orElseThrow();

        assertThat(Duration.between(NOW, next)).isGreaterThanOrEqualTo(Duration.ofMinutes(4));
    }

    @Test
    void anExcessiveRetryAfterIsCapped() {
        Instant next = schedule.next(1, NOW, Duration.ofDays(30)).orElseThrow();

        assertThat(next).isEqualTo(NOW.plus(Duration.ofHours(24)));
    }

    private static Duration scaled(Duration base, double factor) {
        return Duration.ofMillis(Math.round(base.toMillis() * factor));
    }
}
