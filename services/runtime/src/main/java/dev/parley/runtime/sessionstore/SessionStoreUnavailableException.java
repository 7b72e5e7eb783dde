package dev.parley.runtime.sessionstore;

/** session-store could not be reached, timed out or failed: the call did not complete, or its outcome is unknown. */
public class SessionStoreUnavailableException extends RuntimeException {

    SessionStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
