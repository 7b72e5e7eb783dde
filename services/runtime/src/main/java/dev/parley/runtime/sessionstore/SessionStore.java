package dev.parley.runtime.sessionstore;

import dev.parley.sessionstore.api.CommitRequest;
import dev.parley.sessionstore.api.CommitResult;
import dev.parley.sessionstore.api.LeaseGranted;
import dev.parley.sessionstore.api.LeaseRequest;
import dev.parley.sessionstore.api.OutboxEntry;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The session-store service as the runtime uses it. Failures surface as {@link SessionBusyException},
 * {@link FencedOutException} or {@link SessionStoreUnavailableException}.
 */
public interface SessionStore {

    /** Waits for and takes the session's lease, or answers the recorded reply of a repeated message. */
    LeaseGranted lease(String sessionId, LeaseRequest request);

    /** Commits state, reply and outbox under the lease; the lease is released by the commit. */
    CommitResult commit(String sessionId, CommitRequest request);

    /** Gives the lease back without committing; repeating it is harmless. */
    void release(String sessionId, long fencingToken);

    /** Outbox entries committed at least {@code age} ago, oldest first, at most {@code limit}. */
    List<OutboxEntry> outboxOlderThan(Duration age, int limit);

    /** Removes published entries from the outbox; unknown ids are ignored. */
    void ack(List<UUID> eventIds);
}
