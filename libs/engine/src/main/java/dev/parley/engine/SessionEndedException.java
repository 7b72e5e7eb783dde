package dev.parley.engine;

/** Input was sent to a session that has already ended. */
public class SessionEndedException extends EngineException {

    public SessionEndedException(String sessionId, String reason) {
        super("session " + sessionId + " has ended (reason " + reason + ") and accepts no more input");
    }
}
