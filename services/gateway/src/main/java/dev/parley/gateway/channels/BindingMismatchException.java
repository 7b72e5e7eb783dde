package dev.parley.gateway.channels;

import org.springframework.http.HttpStatus;

/**
 * A signed request that belongs to another account than the binding's (another Slack workspace or app, another
 * Twilio account), or a Messenger verification with the wrong verify token.
 */
public class BindingMismatchException extends WebhookRejectedException {

    public BindingMismatchException(String message) {
        super(message);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.FORBIDDEN;
    }
}
