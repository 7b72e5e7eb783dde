package dev.parley.loadtest;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Figures of one load run: throughput and latency percentiles of successful requests, and the error count. */
record LoadReport(long requests, long errors, double seconds, double turnsPerSecond, double p50Millis,
        double p90Millis, double p99Millis, double maxMillis) {

    static LoadReport of(List<long[]> perUser, long errors, long elapsedNanos) {
        long[] all = perUser.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        double seconds = elapsedNanos / 1e9;
        return new LoadReport(all.length, errors, seconds, all.length / seconds, percentile(all, 0.50),
                percentile(all, 0.90), percentile(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    void print(String title) {
        System.out.printf(Locale.ROOT,
                "%s%n  requests %d, errors %d, %.1f s, %.0f turns/s, latency ms p50 %.2f, p90 %.2f, p99 %.2f, max %.2f%n",
                title, requests, errors, seconds, turnsPerSecond, p50Millis, p90Millis, p99Millis, maxMillis);
    }

    String toJson() {
        return String.format(Locale.ROOT,
                "{\"requests\":%d,\"errors\":%d,\"seconds\":%.3f,\"turnsPerSecond\":%.1f,\"p50Millis\":%.3f,"
                        + "\"p90Millis\":%.3f,\"p99Millis\":%.3f,\"maxMillis\":%.3f}%n",
                requests, errors, seconds, turnsPerSecond, p50Millis, p90Millis, p99Millis, maxMillis);
    }
}
