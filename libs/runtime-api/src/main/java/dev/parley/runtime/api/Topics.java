package dev.parley.runtime.api;

/** Kafka topic names the runtime produces to, before {@code KAFKA_PREFIX} is applied. */
public final class Topics {

    /** Turn events, keyed by session id. */
    public static final String TURN_EVENTS = "parley.turn-events";

    /** Session lifecycle events, keyed by session id. */
    public static final String SESSION_LIFECYCLE = "parley.session-lifecycle";

    private Topics() {
    }
}
