package dev.parley.eventsconsumer.ingest;

import java.util.List;

/** Where turn events become debug-log rows and metric aggregates; idempotent per event id. */
interface EventStore {

    /**
     * Stores the events not stored before, and what they add to the session summaries and aggregates, in one
     * transaction. Events older than the debug-log retention are dropped: their duplicates could no longer be told.
     */
    StoreResult store(List<IncomingEvent> events);

    /**
     * What a call stored.
     *
     * @param stored     events inserted now
     * @param duplicates events stored before (or twice in this call)
     * @param expired    events older than the retention, dropped
     */
    record StoreResult(int stored, int duplicates, int expired) {
    }
}
