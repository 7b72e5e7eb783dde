package dev.parley.runtime.events;

import dev.parley.sessionstore.api.OutboxEntry;

import java.util.concurrent.CompletableFuture;

/** Sends one committed outbox entry to the broker; the future completes when the broker has it (acks=all). */
public interface TurnEventPublisher {

    /** Sends the entry to its topic with its key; never throws, failures complete the future exceptionally. */
    CompletableFuture<Void> publish(OutboxEntry entry);
}
