package dev.parley.runtime.bot;

/** A configured bot could not be read or does not compile; the runtime refuses to start. */
public class BotLoadingException extends RuntimeException {

    BotLoadingException(String message) {
        super(message);
    }

    BotLoadingException(String message, Throwable cause) {
        super(message, cause);
    }
}
