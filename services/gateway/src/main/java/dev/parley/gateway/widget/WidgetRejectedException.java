package dev.parley.gateway.widget;

import org.springframework.http.HttpStatus;

/**
 * A widget request or frame refused before anything ran. Over HTTP it becomes problem details with {@link #status()}
 * (in {@link WidgetErrorHandler}); over a WebSocket an {@code error} frame with {@link #code()}. The message is safe
 * to show to the visitor's browser.
 */
abstract class WidgetRejectedException extends RuntimeException {

    WidgetRejectedException(String message) {
        super(message);
    }

    /** The HTTP status to answer with. */
    abstract HttpStatus status();

    /** The protocol's error code. */
    abstract String code();

    /** Whether the client should send the same frame again later. */
    boolean retryable() {
        return false;
    }
}
