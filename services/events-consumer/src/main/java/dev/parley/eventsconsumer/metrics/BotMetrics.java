package dev.parley.eventsconsumer.metrics;

import java.time.Instant;
import java.util.List;

/**
 * A bot's metrics over a window, in buckets and in total, plus the per-dialog totals of the window.
 *
 * @param versionId   the version filtered on, or {@code null} for all versions
 * @param dialog      the dialog filtered on, or {@code null}; it narrows the dialog counters (entries, completions,
 *                    transfers, errors, Confused hits) only: sessions, turns and latency are per bot version
 * @param granularity {@code minute}, {@code hour} or {@code day}
 * @param from        the window's start, snapped down to the granularity (UTC)
 * @param to          the window's end (exclusive), snapped up to the granularity
 * @param buckets     one per granularity step from {@code from} to {@code to}, empty ones included
 * @param dialogs     per dialog over the whole window, most entered first ({@code dialog} is {@code null} for events
 *                    that named no dialog)
 */
record BotMetrics(String orgId, String botId, String versionId, String dialog, String granularity, Instant from,
        Instant to, Totals totals, List<Bucket> buckets, List<DialogTotals> dialogs) {

    /** Counters of a window. */
    record Totals(long sessions, long turns, long entries, long completions, long transfers, long errors,
            long confusedHits, TurnLatency latency) {
    }

    /** Counters of one bucket starting at {@code start}. */
    record Bucket(Instant start, long sessions, long turns, long entries, long completions, long transfers,
            long errors, long confusedHits, TurnLatency latency) {
    }

    /** A dialog's counters over the window. */
    record DialogTotals(String dialog, long entries, long completions, long transfers, long errors,
            long confusedHits) {
    }

    /**
     * Turn latency (runtime wall time) percentiles, each the upper bound of its histogram bin, so at most about 25%
     * above the true value; {@code null} when no turn was measured.
     */
    record TurnLatency(long turns, Long p50Ms, Long p90Ms, Long p95Ms, Long p99Ms, Long maxMs) {

        static TurnLatency of(long[] bins) {
            long turns = 0;
            int highest = -1;
            for (int bin = 0; bin < bins.length; bin++) {
                turns += bins[bin];
                if (bins[bin] > 0) {
                    highest = bin;
                }
            }
            return new TurnLatency(turns, LatencyBins.percentile(bins, 0.50), LatencyBins.percentile(bins, 0.90),
                    LatencyBins.percentile(bins, 0.95), LatencyBins.percentile(bins, 0.99),
                    highest < 0 ? null : LatencyBins.upperBound(highest));
        }
    }
}
