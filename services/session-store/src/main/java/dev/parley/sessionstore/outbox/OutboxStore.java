package dev.parley.sessionstore.outbox;

import dev.parley.sessionstore.api.OutboxEntry;
import java.util.List;
import java.util.UUID;

/** The events committed with session state and not yet acknowledged as published. */
interface OutboxStore {

    /** Entries committed at least {@code olderThanMillis} ago by the store's clock, oldest first, at most {@code limit}. */
    List<OutboxEntry> committedBefore(long olderThanMillis, int limit);

    /** Removes the entries; unknown ids are ignored. */
    void remove(List<UUID> eventIds);
}
