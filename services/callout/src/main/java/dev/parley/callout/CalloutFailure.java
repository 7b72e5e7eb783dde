package dev.parley.callout;

import dev.parley.callout.api.CalloutErrorCodes;

/**
 * A callout that ended without a usable answer; becomes an {@code InvocationError} with the same code. Carries whether
 * the endpoint's circuit breaker counts it as a failure and whether another attempt may be made.
 */
public final class CalloutFailure extends RuntimeException {

    private final String code;
    private final Integer httpStatus;
    private final boolean breakerFailure;
    private final boolean retryable;

    private CalloutFailure(String code, String message, Integer httpStatus, boolean breakerFailure, boolean retryable) {
        super(message, null, false, false);
        this.code = code;
        this.httpStatus = httpStatus;
        this.breakerFailure = breakerFailure;
        this.retryable = retryable;
    }

    public static CalloutFailure timeout(long limitMillis) {
        return new CalloutFailure(CalloutErrorCodes.TIMEOUT, "no answer within the time limit of " + limitMillis + " ms",
                null, true, false);
    }

    public static CalloutFailure blocked(String message) {
        return new CalloutFailure(CalloutErrorCodes.TARGET_BLOCKED, message, null, false, false);
    }

    public static CalloutFailure connection(String message) {
        return new CalloutFailure(CalloutErrorCodes.CONNECTION_FAILED, message, null, true, true);
    }

    public static CalloutFailure tooLarge(long maxBytes) {
        return new CalloutFailure(CalloutErrorCodes.RESPONSE_TOO_LARGE,
                "the answer exceeds the response size cap of " + maxBytes + " bytes", null, false, false);
    }

    /** A non-2xx answer: 5xx and 429 count against the breaker; 502, 503 and 504 may be retried. */
    public static CalloutFailure http(int status, String message) {
        return new CalloutFailure(CalloutErrorCodes.HTTP_ERROR, message, status, status >= 500 || status == 429,
                status == 502 || status == 503 || status == 504);
    }

    public static CalloutFailure mapping(String message) {
        return new CalloutFailure(CalloutErrorCodes.MAPPING_ERROR, message, null, false, false);
    }

    public static CalloutFailure auth(String message, Integer httpStatus) {
        return new CalloutFailure(CalloutErrorCodes.AUTH_FAILED, message, httpStatus, false, false);
    }

    public static CalloutFailure circuitOpen(String endpoint) {
        return new CalloutFailure(CalloutErrorCodes.CIRCUIT_OPEN,
                "the circuit breaker of endpoint " + endpoint + " is open", null, false, false);
    }

    public static CalloutFailure bulkheadFull(String endpoint, int maxConcurrentCalls) {
        return new CalloutFailure(CalloutErrorCodes.BULKHEAD_FULL,
                "endpoint " + endpoint + " already runs its maximum of " + maxConcurrentCalls + " concurrent calls",
                null, false, false);
    }

    public static CalloutFailure endpointNotFound(String message) {
        return new CalloutFailure(CalloutErrorCodes.ENDPOINT_NOT_FOUND, message, null, false, false);
    }

    /** The same failure, no longer eligible for another attempt (unsafe method, or no time left for one). */
    public CalloutFailure notRetryable() {
        return retryable ? new CalloutFailure(code, getMessage(), httpStatus, breakerFailure, false) : this;
    }

    /** One of the invocation codes of {@link CalloutErrorCodes}. */
    public String code() {
        return code;
    }

    /** The endpoint's status for {@code HTTP_ERROR} and some {@code AUTH_FAILED}, else {@code null}. */
    public Integer httpStatus() {
        return httpStatus;
    }

    /** Whether the circuit breaker records this as a failed call (else the call counts neither way). */
    public boolean breakerFailure() {
        return breakerFailure;
    }

    /** Whether another attempt could succeed. */
    public boolean retryable() {
        return retryable;
    }
}
