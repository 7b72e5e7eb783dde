package dev.parley.sessionstore.api;

/** Values of the {@code code} property in session-store's problem details. */
public final class SessionStoreErrorCodes {

    /** 423: the lease stayed taken for the whole wait. */
    public static final String LEASE_BUSY = "LEASE_BUSY";

    /** 409: the commit's fencing token is not the live lease (it expired, or another holder took over). */
    public static final String FENCED_OUT = "FENCED_OUT";

    /** 400: the request is malformed. */
    public static final String BAD_REQUEST = "BAD_REQUEST";

    private SessionStoreErrorCodes() {
    }
}
