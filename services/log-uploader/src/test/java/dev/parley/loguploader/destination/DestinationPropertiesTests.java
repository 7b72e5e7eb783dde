package dev.parley.loguploader.destination;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DestinationPropertiesTests {

    @Test
    void badSettingsStopTheStartWithTheValueInTheMessage() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DestinationProperties(false, false, 0, 100, Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .withMessageContaining("max-per-org").withMessageContaining("was 0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DestinationProperties(false, false, 5, 5000, Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .withMessageContaining("default-batch-size").withMessageContaining("5000");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DestinationProperties(false, false, 5, 100, Duration.ofMinutes(2), Duration.ofSeconds(2)))
                .withMessageContaining("default-linger");
    }
}
