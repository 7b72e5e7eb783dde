package dev.parley.gateway.channels;

import org.springframework.http.HttpStatus;

/** The webhook body is larger than {@code parley.gateway.channels.max-body-size}; it was not read further. */
public class PayloadTooLargeException extends WebhookRejectedException {

    public PayloadTooLargeException(long maxBytes) {
        super("The request body exceeds the limit of " + maxBytes + " bytes");
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.CONTENT_TOO_LARGE;
    }
}
