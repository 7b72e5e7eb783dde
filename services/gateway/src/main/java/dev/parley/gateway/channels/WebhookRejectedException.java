package dev.parley.gateway.channels;

import org.springframework.http.HttpStatus;

/**
 * A webhook request refused before anything ran; {@link ChannelErrorHandler} answers it as problem details with
 * {@link #status()}. The message is safe to show to the caller: it never contains secrets or expected signatures.
 */
public abstract class WebhookRejectedException extends RuntimeException {

    protected WebhookRejectedException(String message) {
        super(message);
    }

    /** The HTTP status to answer with. */
    public abstract HttpStatus status();
}
