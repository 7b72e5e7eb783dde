package dev.parley.gateway.channels;

import org.springframework.http.HttpStatus;

/** The webhook URL names no configured binding of its channel. */
public class UnknownBindingException extends WebhookRejectedException {

    public UnknownBindingException(Channel channel, String bindingId) {
        super("No " + channel.id() + " binding '" + WebhookInput.abbreviate(bindingId) + "' is configured");
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.NOT_FOUND;
    }
}
