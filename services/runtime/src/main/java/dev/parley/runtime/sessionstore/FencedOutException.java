package dev.parley.runtime.sessionstore;

/** A commit's fencing token was no longer the live lease (session-store answered 409); nothing was committed. */
public class FencedOutException extends RuntimeException {

    FencedOutException(String sessionId, long fencingToken) {
        super("Lease " + fencingToken + " of session " + sessionId + " expired or was taken over before the commit");
    }
}
