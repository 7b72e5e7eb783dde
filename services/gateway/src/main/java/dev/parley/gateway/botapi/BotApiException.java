package dev.parley.gateway.botapi;

import org.springframework.http.HttpStatus;

/** A Bot API request the gateway itself refuses; answered with the spec's error body and {@link #status()}. */
abstract class BotApiException extends RuntimeException {

    private final HttpStatus status;

    BotApiException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}
