package dev.parley.sessionstore.session;

/** This replica is shutting down and stopped waiting for a lease; answered with 503 {@code SHUTTING_DOWN}. */
public class LeaseWaitAbandonedException extends RuntimeException {

    LeaseWaitAbandonedException(String sessionId) {
        super("this session-store instance is shutting down and stopped waiting for the lease of session " + sessionId
                + "; retry");
    }
}
