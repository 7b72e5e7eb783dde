package dev.parley.eventsconsumer.ingest;

import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * The ways a batch fails, each naming the first record that failed so the error handler commits the ones before it
 * and retries (or dead-letters) from there. Distinct types, so the error handler picks a back-off per kind and starts
 * a new one when a record's failure changes kind.
 */
final class IngestFailures {

    private IngestFailures() {
    }

    /** The record is not a readable turn event; retrying cannot help. */
    static final class PoisonEvent extends BatchListenerFailedException {

        PoisonEvent(String message, PoisonEventException cause, int index) {
            super(message, cause, index);
        }
    }

    /** The database refused to store the event (a data or constraint error); retried a few times, then dead-lettered. */
    static final class EventRejected extends BatchListenerFailedException {

        EventRejected(String message, Throwable cause, int index) {
            super(message, cause, index);
        }
    }

    /** The database could not be used; retried with back-off until it can, never dead-lettered. */
    static final class StoreUnavailable extends BatchListenerFailedException {

        StoreUnavailable(String message, Throwable cause, int index) {
            super(message, cause, index);
        }
    }
}
