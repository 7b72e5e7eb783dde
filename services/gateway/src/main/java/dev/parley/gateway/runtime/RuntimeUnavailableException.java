package dev.parley.gateway.runtime;

/**
 * The runtime could not be reached, did not answer in time, or answered in a way that is not part of its contract.
 * The client may retry: turns are idempotent by session start key and sequence id.
 */
public class RuntimeUnavailableException extends RuntimeException {

    public RuntimeUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public RuntimeUnavailableException(String message) {
        super(message);
    }
}
