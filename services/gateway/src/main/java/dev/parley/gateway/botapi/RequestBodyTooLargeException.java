package dev.parley.gateway.botapi;

import org.springframework.http.HttpStatus;

/** The request body is larger than {@link BotApiRequestReader#MAX_BODY_BYTES}. */
class RequestBodyTooLargeException extends BotApiException {

    RequestBodyTooLargeException(int limit) {
        super(HttpStatus.CONTENT_TOO_LARGE, "Request body exceeds the limit of " + limit + " bytes");
    }
}
