package dev.parley.gateway.botapi;

import org.springframework.http.HttpStatus;

/** The request carries no bearer token, or one that is not valid (unknown, tampered, expired). */
class InvalidAccessTokenException extends BotApiException {

    InvalidAccessTokenException() {
        super(HttpStatus.UNAUTHORIZED, "Access bearer token is missing or invalid");
    }
}
