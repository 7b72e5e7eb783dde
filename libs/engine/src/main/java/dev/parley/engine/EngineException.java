package dev.parley.engine;

/** Base of the engine's exceptions: the input cannot be applied to the session as it is. */
public abstract class EngineException extends RuntimeException {

    protected EngineException(String message) {
        super(message);
    }
}
