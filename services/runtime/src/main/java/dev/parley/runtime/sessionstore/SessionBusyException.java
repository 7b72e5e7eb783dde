package dev.parley.runtime.sessionstore;

/** Earlier turns held the session's lease for the whole wait (session-store answered 423). */
public class SessionBusyException extends RuntimeException {

    SessionBusyException(String sessionId) {
        super("Session " + sessionId + " stayed leased by earlier turns for the whole wait");
    }
}
