package dev.parley.sessionstore.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LeasePropertiesTests {

    @Test
    void acceptsTheDefaults() {
        LeaseProperties properties = new LeaseProperties(Duration.ofSeconds(1), Duration.ofMillis(2),
                Duration.ofMillis(20));

        assertThat(properties.maxBackoff()).isEqualTo(Duration.ofMillis(20));
    }

    @Test
    void rejectsALivenessWindowTooShortNamingTheValue() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LeaseProperties(Duration.ofMillis(50), Duration.ofMillis(2), Duration.ofMillis(5)))
                .withMessageContaining("waiter-liveness").withMessageContaining("PT0.05S");
    }

    @Test
    void rejectsABackoffCeilingBelowItsFloor() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LeaseProperties(Duration.ofSeconds(1), Duration.ofMillis(10), Duration.ofMillis(5)))
                .withMessageContaining("max-backoff");
    }

    @Test
    void rejectsABackoffCeilingThatWouldLetLiveWaitersLookDead() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LeaseProperties(Duration.ofSeconds(1), Duration.ofMillis(2), Duration.ofMillis(500)))
                .withMessageContaining("max-backoff");
    }
}
