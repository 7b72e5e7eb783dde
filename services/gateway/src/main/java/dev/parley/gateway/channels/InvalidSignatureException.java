package dev.parley.gateway.channels;

import org.springframework.http.HttpStatus;

/** The request's platform signature is missing, malformed, wrong, or (Slack) its timestamp is outside the window. */
public class InvalidSignatureException extends WebhookRejectedException {

    public InvalidSignatureException(String message) {
        super(message);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.UNAUTHORIZED;
    }
}
