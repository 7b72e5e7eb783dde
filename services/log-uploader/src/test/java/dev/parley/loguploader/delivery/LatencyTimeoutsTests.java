package dev.parley.loguploader.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LatencyTimeoutsTests {

    private final LatencyTimeouts timeouts = new LatencyTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(20),
            Duration.ofSeconds(10), 1.5, 5);
    private final UUID destination = UUID.randomUUID();

    @Test
    void aDestinationWithoutHistoryGetsTheInitialTimeout() {
        assertThat(timeouts.timeout(destination)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void theTimeoutIsOneAndAHalfTimesTheMedianLatency() {
        record(2, 3, 4, 100, 3);

        assertThat(timeouts.timeout(destination)).isEqualTo(Duration.ofMillis(4500));
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        record(2, 4);

        assertThat(timeouts.timeout(destination)).isEqualTo(Duration.ofMillis(4500));
    }

    @Test
    void aFastDestinationGetsTheFloor() {
        record(0.01, 0.02, 0.02);

        assertThat(timeouts.timeout(destination)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aSlowDestinationGetsTheCeiling() {
        record(30, 40, 50);

        assertThat(timeouts.timeout(destination)).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void onlyRecentDeliveriesCount() {
        record(10, 10, 10, 10, 10);
        record(2, 2, 2);

        assertThat(timeouts.timeout(destination)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void destinationsAreTimedApart() {
        record(10, 10, 10);

        assertThat(timeouts.timeout(UUID.randomUUID())).isEqualTo(Duration.ofSeconds(10));
        assertThat(timeouts.timeout(destination)).isEqualTo(Duration.ofSeconds(15));
    }

    private void record(double... seconds) {
        for (double s : seconds) {
            timeouts.recordSuccess(destination, Duration.ofNanos(Math.round(s * 1e9)));
        }
    }
}
