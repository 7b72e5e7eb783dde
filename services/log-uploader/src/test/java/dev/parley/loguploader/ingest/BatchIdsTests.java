package dev.parley.loguploader.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BatchIdsTests {

    private final UUID destination = UUID.fromString("5b0c0f0e-8a39-4d1f-9b55-0d1e8c3f4a21");
    private final UUID a = UUID.fromString("00000000-0000-3000-8000-000000000001");
    private final UUID b = UUID.fromString("ffffffff-0000-3000-8000-000000000002");

    @Test
    void theSameEventsForTheSameDestinationAlwaysMakeTheSameId() {
        assertThat(BatchIds.of(destination, List.of(a, b))).isEqualTo(BatchIds.of(destination, List.of(b, a)));
    }

    @Test
    void theIdIsTheNameBasedUuidOfTheDestinationAndTheSortedEventIds() {
        UUID expected = UUID.nameUUIDFromBytes(("parley-log-batch\u0000" + destination + "\u0000" + a + "\u0000" + b)
                .getBytes(StandardCharsets.UTF_8));

        assertThat(BatchIds.of(destination, List.of(b, a))).isEqualTo(expected);
        assertThat(expected.version()).isEqualTo(3);
    }

    @Test
    void anotherDestinationOrAnotherSetMakesAnotherId() {
        UUID id = BatchIds.of(destination, List.of(a, b));

        assertThat(BatchIds.of(UUID.randomUUID(), List.of(a, b))).isNotEqualTo(id);
        assertThat(BatchIds.of(destination, List.of(a))).isNotEqualTo(id);
    }
}
