package dev.parley.sessionstore.outbox;

import java.util.List;

/**
 * The global outbox keys: a sorted set of event ids scored by commit time, and a hash of event id to
 * {@link dev.parley.sessionstore.api.OutboxEntry} JSON. Written by the session commit, read and trimmed here.
 */
public final class OutboxKeys {

    public static final String INDEX = "parley:outbox";
    public static final String EVENTS = "parley:outbox:events";

    private OutboxKeys() {
    }

    public static List<String> both() {
        return List.of(INDEX, EVENTS);
    }
}
