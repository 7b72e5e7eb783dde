package dev.parley.engine;

/**
 * Input was sent to a session whose turn is stopped at an effect: the caller must first hand the effect's outcome to
 * {@link Engine#complete} (or end the session).
 */
public class EffectPendingException extends EngineException {

    public EffectPendingException(String sessionId, String effectId, String kind, String actionName) {
        super("session " + sessionId + " is waiting for effect " + effectId + " (" + kind + " " + actionName
                + "); complete it before sending input");
    }
}
