package dev.parley.loguploader.ingest;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The ingest side of the stored batches: what already covers an offset, new batches, and re-sends. */
interface BatchStore {

    /** Stored ranges of these destinations and partitions that overlap the asked offsets. */
    List<CoveredRange> coveredRanges(Collection<RangeQuery> queries);

    /**
     * Stores new pending batches with their ranges, in one round trip each; answers how many were stored (a batch
     * whose destination is gone, or whose id already exists, is not).
     */
    int insert(List<NewBatch> batches);

    /** Makes finished (delivered or dead) batches pending again with a fresh retry budget; answers how many. */
    int resend(Collection<UUID> batchIds, Instant now);

    /** Offsets of one destination and partition to look up. */
    record RangeQuery(UUID destinationId, int partition, long lowest, long highest) {
    }

    /** Offsets {@code first..last} of a partition that a stored batch covers. */
    record CoveredRange(UUID destinationId, int partition, long first, long last, UUID batchId) {

        boolean covers(int partition, long offset) {
            return this.partition == partition && offset >= first && offset <= last;
        }
    }

    /** One partition's span within a new batch. */
    record Range(int partition, long first, long last) {
    }

    /** A batch to store, due at once. */
    record NewBatch(UUID id, UUID destinationId, String orgId, int eventCount, String body, List<Range> ranges,
            Instant createdAt) {
    }
}
