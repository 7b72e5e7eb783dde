package dev.parley.eventsconsumer.ingest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class IsoInstantsTests {

    @ParameterizedTest
    @ValueSource(strings = {"2026-05-01T10:00:00Z", "2026-05-01T10:00:00.5Z", "2026-12-31T23:59:59.999999999Z",
            "2024-02-29T00:00:00.000001Z", "1970-01-01T00:00:00Z", "0001-01-01T00:00:00.120Z"})
    void readsWhatInstantToStringWritesExactlyAsInstantParseDoes(String text) {
        assertThat(IsoInstants.parse(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-05-01T10:00:00+02:00", "2026-05-01T10:00Z", "2026-02-30T10:00:00Z",
            "2026-13-01T10:00:00Z", "2026-05-01T24:00:00Z", "2026-05-01T10:60:00Z", "2026-05-01T10:00:00.Z",
            "2026-05-01T10:00:00.1234567890Z", "+12026-05-01T10:00:00Z", "2026-05-01 10:00:00Z", "2026-05-0xT10:00:00Z",
            "yesterday"})
    void leavesEveryOtherFormToInstantParse(String text) {
        assertThat(IsoInstants.parse(text)).isNull();
    }
}
