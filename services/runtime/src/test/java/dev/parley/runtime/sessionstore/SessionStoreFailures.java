package dev.parley.runtime.sessionstore;

/** The session-store client's failures, for tests of other packages. */
public final class SessionStoreFailures {

    private SessionStoreFailures() {
    }

    public static SessionBusyException busy(String sessionId) {
        return new SessionBusyException(sessionId);
    }

    public static FencedOutException fencedOut(String sessionId, long fencingToken) {
        return new FencedOutException(sessionId, fencingToken);
    }

    public static SessionStoreUnavailableException unavailable(String message) {
        return new SessionStoreUnavailableException(message, null);
    }
}
