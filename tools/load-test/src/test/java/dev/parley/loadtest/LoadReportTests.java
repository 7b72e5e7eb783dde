package dev.parley.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoadReportTests {

    @Test
    void percentilesAreTakenOverAllUsersRequests() {
        long ms = 1_000_000;
        long[] first = new long[50];
        long[] second = new long[50];
        for (int i = 0; i < 50; i++) {
            first[i] = (i + 1) * ms;
            second[i] = (i + 51) * ms;
        }
        LoadReport report = LoadReport.of(List.of(first, second), 2, 2_000_000_000L);

        assertThat(report.requests()).isEqualTo(100);
        assertThat(report.errors()).isEqualTo(2);
        assertThat(report.turnsPerSecond()).isCloseTo(50.0, within(0.001));
        assertThat(report.p50Millis()).isEqualTo(50.0);
        assertThat(report.p99Millis()).isEqualTo(99.0);
        assertThat(report.maxMillis()).isEqualTo(100.0);
    }

    @Test
    void anEmptyRunReportsZeroesRatherThanFailing() {
        LoadReport report = LoadReport.of(List.of(new long[0]), 5, 1_000_000_000L);

        assertThat(report.requests()).isZero();
        assertThat(report.p99Millis()).isZero();
        assertThat(report.toJson()).contains("\"errors\":5");
    }
}
