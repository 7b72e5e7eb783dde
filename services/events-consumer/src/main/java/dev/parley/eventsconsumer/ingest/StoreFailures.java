package dev.parley.eventsconsumer.ingest;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;

import java.sql.SQLException;

/**
 * Tells a store failure caused by the events (retry a little, then dead-letter them) from one caused by the store
 * (retry until it heals). Only PostgreSQL's data-exception (22) and integrity-constraint (23) classes blame the event;
 * connection, resource, operator, lock and deadlock errors heal by themselves, and schema or privilege errors are ours
 * to fix: dead-lettering good events for them would lose data.
 */
final class StoreFailures {

    /** Whom a failure is to be blamed on. */
    enum Blame {
        /** Retry the same events until the store works again. */
        STORE,
        /** The events themselves: find the bad one and dead-letter it after a few retries. */
        EVENTS
    }

    private StoreFailures() {
    }

    static Blame blame(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                return state != null && (state.startsWith("22") || state.startsWith("23")) ? Blame.EVENTS : Blame.STORE;
            }
        }
        if (failure instanceof DataIntegrityViolationException) {
            return Blame.EVENTS;
        }
        if (failure instanceof DataAccessException || failure instanceof org.springframework.transaction.TransactionException) {
            return Blame.STORE;
        }
        // a failure of our own code on one event's content: isolate it rather than stop the partition
        return Blame.EVENTS;
    }
}
