package dev.parley.eventsconsumer.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LatencyBinsTests {

    @Test
    void binsAreInclusiveUpperBoundsOnALogScale() {
        assertThat(LatencyBins.binOf(-5)).isZero();
        assertThat(LatencyBins.binOf(0)).isZero();
        assertThat(LatencyBins.upperBound(LatencyBins.binOf(7))).isEqualTo(8);
        assertThat(LatencyBins.upperBound(LatencyBins.binOf(12))).isEqualTo(12);
        assertThat(LatencyBins.upperBound(LatencyBins.binOf(13))).isEqualTo(15);
        assertThat(LatencyBins.upperBound(LatencyBins.binOf(1_001))).isEqualTo(1_200);
        assertThat(LatencyBins.binOf(Long.MAX_VALUE)).isEqualTo(LatencyBins.COUNT - 1);
        assertThatThrownBy(() -> LatencyBins.upperBound(LatencyBins.COUNT))
                .hasMessageContaining("outside 0.." + (LatencyBins.COUNT - 1));
    }

    @Test
    void percentilesComeFromSummedCountsAndOverestimateByLessThanABin() {
        long[] counts = new long[LatencyBins.COUNT];
        for (long latency = 1; latency <= 1_000; latency++) {
            counts[LatencyBins.binOf(latency)]++;
        }
        assertThat(LatencyBins.percentile(counts, 0.5)).isBetween(500L, 600L);
        assertThat(LatencyBins.percentile(counts, 0.99)).isBetween(990L, 1_000L);
        assertThat(LatencyBins.percentile(counts, 1.0)).isEqualTo(1_000);
        assertThat(LatencyBins.percentile(new long[LatencyBins.COUNT], 0.5)).isNull();
    }
}
