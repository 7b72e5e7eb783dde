package dev.parley.gateway.channels;

import org.springframework.http.HttpStatus;

/** A correctly signed webhook body that is not what the platform sends (bad JSON, missing ids, wrong object). */
public class MalformedWebhookException extends WebhookRejectedException {

    public MalformedWebhookException(String message) {
        super(message);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.BAD_REQUEST;
    }
}
