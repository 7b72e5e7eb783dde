package dev.parley.sessionstore.session;

/** The session's lease stayed with earlier holders for the whole wait; answered with 423 {@code LEASE_BUSY}. */
public class LeaseBusyException extends RuntimeException {

    private final String sessionId;
    private final long waitedMillis;

    LeaseBusyException(String sessionId, long waitedMillis, int position) {
        super("lease of session " + sessionId + " stayed taken for " + waitedMillis + " ms (last queue position "
                + position + ")");
        this.sessionId = sessionId;
        this.waitedMillis = waitedMillis;
    }

    public String sessionId() {
        return sessionId;
    }

    public long waitedMillis() {
        return waitedMillis;
    }
}
