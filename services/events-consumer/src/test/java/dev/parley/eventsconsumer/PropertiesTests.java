package dev.parley.eventsconsumer;

import dev.parley.eventsconsumer.retention.RetentionProperties;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PropertiesTests {

    @Test
    void retentionRejectsSettingsThatWouldLoseOrDoubleCount() {
        assertThatThrownBy(() -> new RetentionProperties(true, Duration.ofDays(30), Duration.ofDays(7), 5000,
                Duration.ofMinutes(10)))
                .hasMessage("parley.events-consumer.retention.metrics-age must be at least age (PT720H) but was PT168H");
        assertThatThrownBy(() -> new RetentionProperties(true, Duration.ofDays(30), Duration.ofDays(400), 0,
                Duration.ofMinutes(10)))
                .hasMessage("parley.events-consumer.retention.batch-size must be within 1..100000 but was 0");
        assertThatThrownBy(() -> new RetentionProperties(true, Duration.ofMinutes(5), Duration.ofDays(400), 10,
                Duration.ofMinutes(10)))
                .hasMessageStartingWith("parley.events-consumer.retention.age must be at least 1h");
    }
}
