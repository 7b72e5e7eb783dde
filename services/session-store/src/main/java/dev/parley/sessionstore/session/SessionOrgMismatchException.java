package dev.parley.sessionstore.session;

/** A commit tried to move a session to another org than the one that owns it; nothing was written. */
public class SessionOrgMismatchException extends RuntimeException {

    SessionOrgMismatchException(String sessionId, String storedOrgId, String requestedOrgId) {
        super("session " + sessionId + " belongs to org " + storedOrgId + ", not to org " + requestedOrgId
                + "; nothing was written");
    }
}
