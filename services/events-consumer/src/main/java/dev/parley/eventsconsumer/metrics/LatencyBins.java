package dev.parley.eventsconsumer.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fixed log-scale bins of the turn-latency histograms: bin {@code i} counts latencies in
 * {@code (upperBound(i-1), upperBound(i)]} ms, the last bin everything above the largest bound. Bins of any minutes
 * add up, so percentiles over any window come from summed counts. The bounds are stored by index: only ever append.
 */
public final class LatencyBins {

    /** Inclusive upper bounds in ms: 0..8 ms one by one, then 10-12-15-20-25-30-40-50-60-80 per decade up to 8,000 s. */
    private static final long[] UPPER_BOUNDS = bounds();

    /** Number of bins, the overflow bin included. */
    public static final int COUNT = UPPER_BOUNDS.length + 1;

    private LatencyBins() {
    }

    private static long[] bounds() {
        List<Long> bounds = new ArrayList<>(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 8L));
        long[] ladder = {10, 12, 15, 20, 25, 30, 40, 50, 60, 80};
        for (long decade = 1; decade <= 100_000; decade *= 10) {
            for (long step : ladder) {
                bounds.add(step * decade);
            }
        }
        return bounds.stream().mapToLong(Long::longValue).toArray();
    }

    /** The bin of a latency; negative latencies count as 0 ms. */
    public static int binOf(long latencyMs) {
        int found = Arrays.binarySearch(UPPER_BOUNDS, Math.max(0, latencyMs));
        return found >= 0 ? found : -found - 1;
    }

    /** The inclusive upper bound of a bin in ms; the overflow bin answers the largest finite bound. */
    public static long upperBound(int bin) {
        if (bin < 0 || bin >= COUNT) {
            throw new IllegalArgumentException("latency bin " + bin + " is outside 0.." + (COUNT - 1));
        }
        return UPPER_BOUNDS[Math.min(bin, UPPER_BOUNDS.length - 1)];
    }

    /**
     * The {@code quantile} (0 &lt; q &lt;= 1) of the histogram as the upper bound of the bin holding that rank: an
     * upper estimate at most about 25% above the true value. {@code null} for an empty histogram.
     */
    public static Long percentile(long[] counts, double quantile) {
        long total = Arrays.stream(counts).sum();
        if (total == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(quantile * total));
        long seen = 0;
        for (int bin = 0; bin < counts.length; bin++) {
            seen += counts[bin];
            if (seen >= rank) {
                return upperBound(bin);
            }
        }
        return upperBound(counts.length - 1);
    }
}
