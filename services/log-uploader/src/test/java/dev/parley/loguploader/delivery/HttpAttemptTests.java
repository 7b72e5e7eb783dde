package dev.parley.loguploader.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.loguploader.delivery.HttpAttempt.Verdict;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpAttemptTests {

    @ParameterizedTest
    @CsvSource({"200, DELIVERED", "202, DELIVERED", "204, DELIVERED", "0, RETRYABLE", "408, RETRYABLE",
            "429, RETRYABLE", "500, RETRYABLE", "502, RETRYABLE", "503, RETRYABLE", "301, PERMANENT",
            "400, PERMANENT", "401, PERMANENT", "403, PERMANENT", "404, PERMANENT", "413, PERMANENT",
            "422, PERMANENT"})
    void statusesCountAsTheDesignSays(int status, Verdict verdict) {
        assertThat(new HttpAttempt(status, null, null, Duration.ZERO).verdict()).isEqualTo(verdict);
    }
}
