package dev.parley.callout.api;

/**
 * Codes of the callout service: {@link InvocationError#code()} of a failed invocation (answered 200 with
 * {@code outcome=FAILED}: the bot's error handling takes over), and the {@code code} property of problem details.
 */
public final class CalloutErrorCodes {

    // --- InvocationError codes (HTTP 200, outcome FAILED) ---

    /** The call did not finish within min(endpoint time limit, the caller's {@code timeoutMs}). */
    public static final String TIMEOUT = "TIMEOUT";

    /** The endpoint's circuit breaker is open (or half-open and out of probes); nothing was sent. */
    public static final String CIRCUIT_OPEN = "CIRCUIT_OPEN";

    /** The endpoint already runs its maximum of concurrent calls; nothing was sent. */
    public static final String BULKHEAD_FULL = "BULKHEAD_FULL";

    /** The endpoint answered a non-2xx status ({@link InvocationError#httpStatus()} tells which). */
    public static final String HTTP_ERROR = "HTTP_ERROR";

    /** The connection could not be made or broke before an answer arrived. */
    public static final String CONNECTION_FAILED = "CONNECTION_FAILED";

    /** Inputs did not fit the request templates, or the answer did not fit the output mapping. */
    public static final String MAPPING_ERROR = "MAPPING_ERROR";

    /** The org has no endpoint for the action, or its kind does not serve the action type. */
    public static final String ENDPOINT_NOT_FOUND = "ENDPOINT_NOT_FOUND";

    /** The target (or a redirect) is a loopback, private, link-local, metadata or plain-http address not allowed. */
    public static final String TARGET_BLOCKED = "TARGET_BLOCKED";

    /** The answer was larger than the endpoint's response size cap. */
    public static final String RESPONSE_TOO_LARGE = "RESPONSE_TOO_LARGE";

    /** Getting an OAuth access token failed, or the API refused the fresh token too. */
    public static final String AUTH_FAILED = "AUTH_FAILED";

    // --- problem detail codes ---

    /** 400: a malformed request; the {@code field} property names what and {@code value} what was sent. */
    public static final String BAD_REQUEST = "BAD_REQUEST";

    /** 400: an endpoint configuration was rejected; {@code errors} lists every {@code field}, {@code value}, {@code message}. */
    public static final String INVALID_ENDPOINT = "INVALID_ENDPOINT";

    /** 404: the org has no endpoint of that name (admin routes only; an invocation answers {@link #ENDPOINT_NOT_FOUND}). */
    public static final String UNKNOWN_ENDPOINT = "UNKNOWN_ENDPOINT";

    /** 409: the invocation id was recorded for another action name. */
    public static final String INVOCATION_ID_REUSED = "INVOCATION_ID_REUSED";

    /** 503: the endpoint registry (PostgreSQL) could not be reached. */
    public static final String STORE_UNAVAILABLE = "STORE_UNAVAILABLE";

    private CalloutErrorCodes() {
    }
}
