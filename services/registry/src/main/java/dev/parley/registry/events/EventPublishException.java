package dev.parley.registry.events;

/** The broker did not take an event; the outbox keeps it and retries. */
class EventPublishException extends RuntimeException {

    EventPublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
