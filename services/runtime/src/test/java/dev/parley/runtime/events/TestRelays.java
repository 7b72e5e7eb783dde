package dev.parley.runtime.events;

import dev.parley.runtime.sessionstore.SessionStore;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;

/** Builds {@link OutboxRelay}s for tests of other packages. */
public final class TestRelays {

    private TestRelays() {
    }

    /** A relay with default settings, except a short publish timeout. */
    public static OutboxRelay relay(TurnEventPublisher publisher, SessionStore sessionStore, MeterRegistry meters) {
        return new OutboxRelay(publisher, sessionStore, properties(), meters);
    }

    static EventsProperties properties() {
        return new EventsProperties(6, (short) 1, 2, Duration.ofMillis(50), Duration.ofSeconds(2), 100, true, Duration.ofSeconds(5),
                Duration.ZERO, 200);
    }
}
