package dev.parley.runtime.bot;

/** A bot version could not be read or does not compile: a configured one stops startup, a registry one is skipped. */
public class BotLoadingException extends RuntimeException {

    BotLoadingException(String message) {
        super(message);
    }

    BotLoadingException(String message, Throwable cause) {
        super(message, cause);
    }
}
