package dev.parley.sessionstore.api;

import java.util.List;

/**
 * Commits one turn atomically: the new state, the reply recorded under the message key, and the turn's events into
 * the outbox. Accepted only while {@code fencingToken} is the live lease; the lease is released by the commit.
 *
 * @param fencingToken       the token from {@link LeaseGranted}
 * @param session            the new session record ({@code version} is assigned by the store)
 * @param messageKey         idempotency key of the inbound message the reply answers
 * @param replyJson          the reply to return again for a repeated message key
 * @param events             events to publish after the commit
 * @param idleTimeoutMillis  the session and its records expire after this much inactivity
 */
public record CommitRequest(long fencingToken, SessionRecord session, String messageKey, String replyJson,
        List<OutboxEntry> events, long idleTimeoutMillis) {
}
