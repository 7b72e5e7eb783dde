package dev.parley.eventsconsumer.metrics;

import dev.parley.eventsconsumer.metrics.BotMetrics.Bucket;
import dev.parley.eventsconsumer.metrics.BotMetrics.DialogTotals;
import dev.parley.eventsconsumer.metrics.BotMetrics.Totals;
import dev.parley.eventsconsumer.metrics.BotMetrics.TurnLatency;
import dev.parley.eventsconsumer.metrics.MetricsRepository.Scope;
import dev.parley.eventsconsumer.web.InvalidQueryParameterException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Answers metrics queries: zero-filled buckets over the snapped window, totals and per-dialog totals. */
@Service
class MetricsService {

    /** More buckets than this in one answer is asked for a coarser granularity instead. */
    static final int MAX_BUCKETS = 1500;

    private final MetricsRepository repository;
    private final Clock clock;

    MetricsService(MetricsRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** One bucket being summed up. */
    private static final class Counts {
        long sessions;
        long turns;
        long entries;
        long completions;
        long transfers;
        long errors;
        long confusedHits;
        final long[] latency = new long[LatencyBins.COUNT];

        void add(Counts other) {
            sessions += other.sessions;
            turns += other.turns;
            entries += other.entries;
            completions += other.completions;
            transfers += other.transfers;
            errors += other.errors;
            confusedHits += other.confusedHits;
            for (int bin = 0; bin < latency.length; bin++) {
                latency[bin] += other.latency[bin];
            }
        }
    }

    BotMetrics metrics(String orgId, String botId, String versionId, String dialog, Instant from, Instant to,
            Granularity granularity) {
        Instant end = granularity.ceil(to == null ? clock.instant() : to);
        Instant start = granularity.floor(from == null ? end.minus(granularity.defaultWindow()) : from);
        if (!start.isBefore(end)) {
            throw new InvalidQueryParameterException("from", "must be before to, but from=" + start + " and to=" + end);
        }
        long buckets = Duration.between(start, end).dividedBy(granularity.width());
        if (buckets > MAX_BUCKETS) {
            throw new InvalidQueryParameterException("granularity", "gives " + buckets + " " + granularity.sqlName()
                    + " buckets from " + start + " to " + end + "; at most " + MAX_BUCKETS
                    + " are answered: use a coarser granularity or a shorter window");
        }
        Map<Instant, Counts> series = new TreeMap<>();
        for (Instant bucket = start; bucket.isBefore(end); bucket = bucket.plus(granularity.width())) {
            series.put(bucket, new Counts());
        }
        Scope scope = new Scope(orgId, botId, versionId, dialog, start, end);
        repository.dialogBuckets(scope, granularity, row -> {
            Counts counts = series.computeIfAbsent(row.bucket(), b -> new Counts());
            counts.entries += row.entries();
            counts.completions += row.completions();
            counts.transfers += row.transfers();
            counts.errors += row.errors();
            counts.confusedHits += row.confusedHits();
        });
        repository.botBuckets(scope, granularity, row -> {
            Counts counts = series.computeIfAbsent(row.bucket(), b -> new Counts());
            counts.sessions += row.sessions();
            counts.turns += row.turns();
        });
        repository.latencyBuckets(scope, granularity, row -> {
            if (row.bin() >= 0 && row.bin() < LatencyBins.COUNT) {
                series.computeIfAbsent(row.bucket(), b -> new Counts()).latency[row.bin()] += row.turns();
            }
        });
        Counts total = new Counts();
        List<Bucket> answer = new ArrayList<>(series.size());
        series.forEach((bucket, counts) -> {
            total.add(counts);
            answer.add(new Bucket(bucket, counts.sessions, counts.turns, counts.entries, counts.completions,
                    counts.transfers, counts.errors, counts.confusedHits, TurnLatency.of(counts.latency)));
        });
        List<DialogTotals> dialogs = repository.dialogTotals(scope).stream()
                .map(row -> new DialogTotals(row.dialog().isEmpty() ? null : row.dialog(), row.entries(),
                        row.completions(), row.transfers(), row.errors(), row.confusedHits()))
                .toList();
        return new BotMetrics(orgId, botId, versionId, dialog, granularity.sqlName(), start, end,
                new Totals(total.sessions, total.turns, total.entries, total.completions, total.transfers,
                        total.errors, total.confusedHits, TurnLatency.of(total.latency)),
                answer, dialogs);
    }
}
