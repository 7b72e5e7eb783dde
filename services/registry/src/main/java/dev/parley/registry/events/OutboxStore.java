package dev.parley.registry.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Events waiting to be published, written in the transaction of the change they describe. */
interface OutboxStore {

    /** An event waiting to be published. */
    record PendingEvent(long id, UUID eventId, String topic, String key, String payload, int attempts,
            Instant nextAttemptAt) {
    }

    /** Adds an event; must run inside the transaction of the change it describes. */
    void add(UUID eventId, String topic, String key, String payload, Instant now);

    /**
     * Makes the calling transaction the only publisher across replicas, so events leave in order; {@code false} when
     * another replica holds that role right now.
     */
    boolean tryBecomePublisher();

    /** The oldest events, in the order they were written, locked for this transaction. */
    List<PendingEvent> oldest(int limit);

    /** Forgets a published event. */
    void published(long id);

    /** Records a failed send and when to try again. */
    void failed(long id, String error, Instant nextAttemptAt);

    /** How many events wait. */
    long pending();
}
