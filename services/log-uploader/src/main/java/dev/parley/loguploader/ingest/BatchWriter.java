package dev.parley.loguploader.ingest;

import dev.parley.loguploader.ingest.BatchStore.CoveredRange;
import dev.parley.loguploader.ingest.BatchStore.NewBatch;
import dev.parley.loguploader.ingest.BatchStore.Range;
import dev.parley.loguploader.ingest.BatchStore.RangeQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns assembled batches into stored ones in one transaction, the durable hand-off after which offsets may be
 * committed. Events some stored batch already covers (read again after a crash or a rebalance, or on purpose by a
 * reprocess) never go into a second batch: a normal read skips them, a reprocess re-sends the batch that holds them,
 * under its id.
 */
@Component
class BatchWriter {

    /** Why the events are being read. */
    enum Mode {
        /** the consumer group's normal read: already covered events are skipped */
        CONSUME,
        /** an admin's reprocess: batches that already cover events are sent again */
        REPROCESS
    }

    private final BatchStore store;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    BatchWriter(BatchStore store, TransactionTemplate transactions, JsonMapper json, Clock clock,
            ApplicationEventPublisher events) {
        this.store = store;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        this.events = events;
    }

    /** Stores the batches (in one transaction) and answers what happened to them. */
    WriteResult write(List<PendingBatch> batches, Mode mode) {
        if (batches.isEmpty()) {
            return WriteResult.NONE;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        WriteResult result = transactions.execute(status -> writeInTransaction(batches, mode, now));
        if (result.created() + result.resent() > 0) {
            events.publishEvent(new BatchesStored(result.created() + result.resent()));
        }
        return result;
    }

    private WriteResult writeInTransaction(List<PendingBatch> batches, Mode mode, Instant now) {
        Map<String, RangeQuery> queries = new LinkedHashMap<>();
        for (PendingBatch batch : batches) {
            for (BufferedEvent event : batch.events()) {
                queries.merge(batch.destination().id() + "/" + event.partition(),
                        new RangeQuery(batch.destination().id(), event.partition(), event.offset(), event.offset()),
                        (a, b) -> new RangeQuery(a.destinationId(), a.partition(), Math.min(a.lowest(), b.lowest()),
                                Math.max(a.highest(), b.highest())));
            }
        }
        Map<UUID, List<CoveredRange>> covered = new HashMap<>();
        for (CoveredRange range : store.coveredRanges(queries.values())) {
            covered.computeIfAbsent(range.destinationId(), id -> new ArrayList<>()).add(range);
        }
        List<NewBatch> fresh = new ArrayList<>();
        int skippedEvents = 0;
        Set<UUID> coveringBatches = new LinkedHashSet<>();
        for (PendingBatch batch : batches) {
            List<CoveredRange> ranges = covered.getOrDefault(batch.destination().id(), List.of());
            // consecutive events no stored batch covers become one new batch; a covered event ends the run, so a new
            // batch never spans the offsets of an older one
            List<BufferedEvent> run = new ArrayList<>();
            for (BufferedEvent event : batch.events()) {
                UUID holder = holder(ranges, event);
                if (holder == null) {
                    run.add(event);
                    continue;
                }
                coveringBatches.add(holder);
                skippedEvents++;
                compose(batch, run, now).ifPresent(fresh::add);
                run = new ArrayList<>();
            }
            compose(batch, run, now).ifPresent(fresh::add);
        }
        int created = store.insert(fresh);
        int resent = mode == Mode.REPROCESS ? store.resend(coveringBatches, now) : 0;
        return new WriteResult(created, resent, skippedEvents, coveringBatches.size());
    }

    private Optional<NewBatch> compose(PendingBatch batch, List<BufferedEvent> events, Instant now) {
        if (events.isEmpty()) {
            return Optional.empty();
        }
        UUID destinationId = batch.destination().id();
        UUID id = BatchIds.of(destinationId, events.stream().map(BufferedEvent::eventId).toList());
        Map<Integer, Range> ranges = new LinkedHashMap<>();
        StringBuilder body = new StringBuilder(events.size() * 512 + 128)
                .append("{\"batchId\":\"").append(id).append("\",\"orgId\":")
                .append(json.writeValueAsString(batch.destination().orgId()))
                .append(",\"events\":[");
        for (int i = 0; i < events.size(); i++) {
            BufferedEvent event = events.get(i);
            body.append(i == 0 ? "" : ",").append(event.json());
            ranges.merge(event.partition(), new Range(event.partition(), event.offset(), event.offset()),
                    (a, b) -> new Range(a.partition(), Math.min(a.first(), b.first()), Math.max(a.last(), b.last())));
        }
        body.append("]}");
        return Optional.of(new NewBatch(id, destinationId, batch.destination().orgId(), events.size(),
                body.toString(), List.copyOf(ranges.values()), now));
    }

    private static UUID holder(List<CoveredRange> ranges, BufferedEvent event) {
        for (CoveredRange range : ranges) {
            if (range.covers(event.partition(), event.offset())) {
                return range.batchId();
            }
        }
        return null;
    }

    /**
     * What one write did.
     *
     * @param created          new batches stored
     * @param resent           finished batches made pending again (reprocess only)
     * @param coveredEvents    events some stored batch already held
     * @param coveringBatches  the distinct stored batches that held them
     */
    record WriteResult(int created, int resent, int coveredEvents, int coveringBatches) {

        static final WriteResult NONE = new WriteResult(0, 0, 0, 0);
    }
}
