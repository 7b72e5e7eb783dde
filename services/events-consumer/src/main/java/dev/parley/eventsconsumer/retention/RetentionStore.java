package dev.parley.eventsconsumer.retention;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Deletes expired debug-log and metric rows in bounded batches, on one replica at a time. */
public interface RetentionStore {

    /**
     * Deletes rows older than the cut-offs, {@code batchSize} rows per statement, until none is left; answers empty
     * when another replica holds the clean-up lock.
     */
    Optional<Purge> purge(Instant debugLogCutoff, Instant metricsCutoff, int batchSize);

    /**
     * What one clean-up run deleted.
     *
     * @param deletedRows per table, the rows deleted
     * @param batches     the delete statements run (each its own transaction)
     */
    record Purge(Map<String, Long> deletedRows, int batches) {
    }
}
