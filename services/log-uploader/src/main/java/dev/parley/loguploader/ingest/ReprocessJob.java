package dev.parley.loguploader.ingest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A reprocess run as admins see it.
 *
 * @param id             the job's id
 * @param status         {@code running}, {@code completed} or {@code failed}
 * @param orgId          the only org re-sent to, or {@code null} for all
 * @param partitions     the offsets read per partition, {@code from} inclusive, {@code to} exclusive
 * @param eventsRead     records read so far
 * @param batchesResent  stored batches sent again under their ids
 * @param batchesCreated new batches, for events no stored batch held (e.g. a destination created since)
 * @param error          why it failed
 * @param createdAt      when it was asked for
 * @param updatedAt      its last progress report; a running job that stopped reporting died with its replica and may
 *                       simply be asked for again
 * @param finishedAt     when it ended
 */
record ReprocessJob(UUID id, String status, String orgId, List<PartitionRange> partitions, long eventsRead,
        long batchesResent, long batchesCreated, String error, Instant createdAt, Instant updatedAt,
        Instant finishedAt) {

    /** The offsets of one partition a job reads. */
    record PartitionRange(int partition, long from, long to) {
    }
}
