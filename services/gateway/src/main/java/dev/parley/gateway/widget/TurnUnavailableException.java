package dev.parley.gateway.widget;

import java.time.Duration;

import org.springframework.http.HttpStatus;

/** The message could not be processed now (runtime or Redis unavailable, session busy): send it again later. */
class TurnUnavailableException extends WidgetRejectedException {

    private final Duration retryAfter;

    TurnUnavailableException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }

    @Override
    HttpStatus status() {
        return HttpStatus.SERVICE_UNAVAILABLE;
    }

    @Override
    String code() {
        return "unavailable";
    }

    @Override
    boolean retryable() {
        return true;
    }
}
