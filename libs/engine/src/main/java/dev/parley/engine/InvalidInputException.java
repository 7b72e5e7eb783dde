package dev.parley.engine;

/** The input does not fit the session's state (choice out of range, unknown choice id or dialog, ...). */
public class InvalidInputException extends EngineException {

    public InvalidInputException(String message) {
        super(message);
    }
}
