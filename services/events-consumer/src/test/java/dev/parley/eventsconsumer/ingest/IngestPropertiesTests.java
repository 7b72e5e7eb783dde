package dev.parley.eventsconsumer.ingest;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IngestPropertiesTests {

    @Test
    void rejectsBackOffsThatCouldStallThePartition() {
        assertThatThrownBy(() -> new IngestProperties(6, (short) 1, 1, 3, Duration.ofMillis(500),
                Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofMinutes(10)))
                .hasMessage("parley.events-consumer.ingest.unavailable-backoff-max must be within "
                        + "unavailable-backoff..2m but was PT10M");
        assertThatThrownBy(() -> new IngestProperties(0, (short) 1, 1, 3, Duration.ofMillis(500),
                Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(30)))
                .hasMessage("parley.events-consumer.ingest.topic-partitions must be positive but was 0");
    }
}
