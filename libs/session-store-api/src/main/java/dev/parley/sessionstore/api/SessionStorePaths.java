package dev.parley.sessionstore.api;

/** Internal HTTP routes of session-store. Every route requires the platform's internal credential. */
public final class SessionStorePaths {

    /** {@code POST}: wait for and take the session's lease; answers {@link LeaseGranted} (200) or 423 when the wait ran out. */
    public static final String LEASE = "/internal/v1/sessions/{sessionId}/lease";

    /** {@code DELETE}: give the lease back without committing; idempotent. */
    public static final String LEASE_RELEASE = "/internal/v1/sessions/{sessionId}/lease/{fencingToken}";

    /** {@code POST}: fenced commit of state, recorded reply and outbox events ({@link CommitRequest}); 409 when fenced out. */
    public static final String COMMIT = "/internal/v1/sessions/{sessionId}/commits";

    /** {@code GET}: outbox entries committed at least {@code olderThanMillis} ago, oldest first, at most {@code limit}. */
    public static final String OUTBOX = "/internal/v1/outbox";

    /** {@code POST}: remove published entries from the outbox ({@link OutboxAck}); idempotent. */
    public static final String OUTBOX_ACKS = "/internal/v1/outbox/acks";

    private SessionStorePaths() {
    }
}
