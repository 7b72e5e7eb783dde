package dev.parley.sessionstore.session;

import dev.parley.sessionstore.api.CommitRequest;
import dev.parley.sessionstore.api.SessionRecord;
import java.time.Duration;

/** Session state, leases, the waiter queue and idempotency records; each call is atomic in the backing store. */
interface SessionStore {

    /**
     * One attempt of one waiter: enqueues it on first sight, and grants it the lease when it is at the head of the
     * queue and the lease is free. Refreshes the waiter's liveness deadline; waiters that stopped polling for longer
     * than {@code waiterLiveness} are dropped from the queue.
     */
    LeaseAttempt tryLease(String sessionId, String waiterId, String holder, long ttlMillis, String messageKey,
            Duration waiterLiveness);

    /** Removes a waiter that gave up; unknown waiters are ignored. */
    void leaveQueue(String sessionId, String waiterId);

    /** Writes the turn only while {@code request.fencingToken()} is the live lease, then releases the lease. */
    CommitOutcome commit(String sessionId, CommitRequest request);

    /** Deletes the lease when {@code fencingToken} is still the live one; answers whether it was. */
    boolean release(String sessionId, long fencingToken);

    /** What one {@link #tryLease} call decided. */
    sealed interface LeaseAttempt {

        /** The caller holds the lease now; {@code session} is null when the session was never committed. */
        record Granted(long fencingToken, long expiresAtEpochMillis, SessionRecord session) implements LeaseAttempt {
        }

        /** The message key has a recorded reply; no lease was taken and the waiter left the queue. */
        record Replayed(String reply, SessionRecord session) implements LeaseAttempt {
        }

        /** Still waiting, at this 1-based position of the queue. */
        record Queued(int position) implements LeaseAttempt {
        }
    }

    /** What one {@link #commit} call decided. */
    sealed interface CommitOutcome {

        /** Written; the session now has this version. */
        record Committed(long version, long committedAtEpochMillis) implements CommitOutcome {
        }

        /** The token is not the live lease; nothing was written. */
        record FencedOut() implements CommitOutcome {
        }

        /** The session belongs to another org; nothing was written. */
        record OrgMismatch(String storedOrgId) implements CommitOutcome {
        }
    }
}
