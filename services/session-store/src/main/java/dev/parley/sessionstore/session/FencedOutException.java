package dev.parley.sessionstore.session;

/** A commit carried a fencing token that is not the session's live lease; nothing was written (409 {@code FENCED_OUT}). */
public class FencedOutException extends RuntimeException {

    private final String sessionId;
    private final long fencingToken;

    FencedOutException(String sessionId, long fencingToken) {
        super("fencing token " + fencingToken + " is not the live lease of session " + sessionId
                + " (it expired or another holder took over); nothing was written");
        this.sessionId = sessionId;
        this.fencingToken = fencingToken;
    }

    public String sessionId() {
        return sessionId;
    }

    public long fencingToken() {
        return fencingToken;
    }
}
