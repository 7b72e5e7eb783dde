package dev.parley.gateway.botapi;

import org.springframework.http.HttpStatus;

/** The request body is declared as something other than JSON. */
class UnsupportedContentTypeException extends BotApiException {

    UnsupportedContentTypeException(String contentType) {
        super(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Content-Type '" + contentType + "' is not supported, send application/json");
    }
}
