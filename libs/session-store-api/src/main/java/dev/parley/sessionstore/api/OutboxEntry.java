package dev.parley.sessionstore.api;

import java.util.UUID;

/**
 * One event waiting to be published to Kafka.
 *
 * @param eventId     the event's UUID; consumers dedupe by it, so publishing twice is harmless
 * @param topic       the logical topic name, without {@code KAFKA_PREFIX}
 * @param key         the record key (the session id for turn events)
 * @param payloadJson the event, serialised
 * @param committedAtEpochMillis when it entered the outbox; set by the store
 */
public record OutboxEntry(UUID eventId, String topic, String key, String payloadJson, long committedAtEpochMillis) {
}
