package dev.parley.runtime.bot;

/** The registry could not be reached (or failed) while loading bot versions; a later try may succeed. */
public class BotRegistryUnavailableException extends RuntimeException {

    BotRegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
