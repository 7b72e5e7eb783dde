package dev.parley.sessionstore.api;

/** Values of the {@code code} property in session-store's problem details. */
public final class SessionStoreErrorCodes {

    /** 423: the lease stayed taken for the whole wait. */
    public static final String LEASE_BUSY = "LEASE_BUSY";

    /** 409: the commit's fencing token is not the live lease (it expired, or another holder took over). */
    public static final String FENCED_OUT = "FENCED_OUT";

    /** 400: the request is malformed (the {@code field} property names what), or names another org's session. */
    public static final String BAD_REQUEST = "BAD_REQUEST";

    /** 503: Redis could not be reached; nothing was written. */
    public static final String STORE_UNAVAILABLE = "STORE_UNAVAILABLE";

    /** 503: the replica is shutting down and stopped waiting for the lease; another replica may take the retry. */
    public static final String SHUTTING_DOWN = "SHUTTING_DOWN";

    private SessionStoreErrorCodes() {
    }
}
