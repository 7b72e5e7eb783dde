package dev.parley.loguploader.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryPropertiesTests {

    @Test
    void theDefaultsAreValid() {
        DeliveryProperties defaults = properties(List.of(Duration.ofMinutes(1)), Duration.ofSeconds(20), Duration.ofSeconds(60));

        assertThat(defaults.claimLease()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aClaimLeaseShorterThanTheLongestDeliveryIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties(List.of(Duration.ofMinutes(1)), Duration.ofSeconds(20), Duration.ofSeconds(30)))
                .withMessageContaining("claim-lease").withMessageContaining("PT30S");
    }

    @Test
    void anEmptyRetryScheduleIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties(List.of(), Duration.ofSeconds(20), Duration.ofSeconds(60)))
                .withMessageContaining("retry-delays");
    }

    private static DeliveryProperties properties(List<Duration> delays, Duration ceiling, Duration lease) {
        return new DeliveryProperties(delays, 0.2, Duration.ofSeconds(1), ceiling, Duration.ofSeconds(10), 1.5, 31,
                64, 4, lease, Duration.ofMillis(250), 50, 5, 20, Duration.ofSeconds(60), 2, Duration.ofHours(24));
    }
}
