package dev.parley.gateway.botapi;

import org.springframework.http.HttpStatus;

/** A request the gateway cannot accept as a whole: malformed JSON, a missing body, a bad header or path id. */
class InvalidRequestException extends BotApiException {

    InvalidRequestException(String message) {
        super(HttpStatus.BAD_REQUEST, message);
    }
}
