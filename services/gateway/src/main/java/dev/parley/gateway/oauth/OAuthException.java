package dev.parley.gateway.oauth;

import org.springframework.http.HttpStatus;

/** A refused OAuth request, answered as OAuth's own error JSON ({@code error}, {@code error_description}). */
class OAuthException extends RuntimeException {

    private final HttpStatus status;

    private final String error;

    OAuthException(HttpStatus status, String error, String description) {
        super(description);
        this.status = status;
        this.error = error;
    }

    static OAuthException invalidRequest(String description) {
        return new OAuthException(HttpStatus.BAD_REQUEST, "invalid_request", description);
    }

    static OAuthException invalidGrant(String description) {
        return new OAuthException(HttpStatus.BAD_REQUEST, "invalid_grant", description);
    }

    HttpStatus status() {
        return status;
    }

    String error() {
        return error;
    }
}
