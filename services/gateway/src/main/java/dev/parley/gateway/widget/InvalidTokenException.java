package dev.parley.gateway.widget;

import org.springframework.http.HttpStatus;

/** An HTTP-fallback request whose conversation token is missing, malformed, forged or of another bot. */
class InvalidTokenException extends WidgetRejectedException {

    InvalidTokenException(String message) {
        super(message);
    }

    @Override
    HttpStatus status() {
        return HttpStatus.UNAUTHORIZED;
    }

    @Override
    String code() {
        return "invalid_token";
    }
}
