package dev.parley.sessionstore.api;

/**
 * The answer to a {@link LeaseRequest}.
 *
 * @param sessionId     the session
 * @param fencingToken  strictly increasing per session; 0 when no lease was granted because {@code recordedReply} is set
 * @param expiresAtEpochMillis when the lease lapses
 * @param session       the committed session, or {@code null} when the session has never been committed
 * @param recordedReply the reply recorded under the request's message key, or {@code null}
 */
public record LeaseGranted(String sessionId, long fencingToken, long expiresAtEpochMillis, SessionRecord session,
        String recordedReply) {

    /** True when the message was handled before: nothing is to run, the recorded reply is the answer. */
    public boolean isReplay() {
        return recordedReply != null;
    }
}
