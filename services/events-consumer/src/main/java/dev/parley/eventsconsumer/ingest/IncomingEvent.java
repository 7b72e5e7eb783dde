package dev.parley.eventsconsumer.ingest;

import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.UUID;

/**
 * A turn event as read from the topic and checked, before redaction; {@code data} is still the producer's.
 *
 * @param privateDataLogged {@code data.logPrivateConversationData} as sent: {@code FALSE} asks for redaction,
 *                          {@code null} when absent
 * @param partition         the Kafka partition it was read from (orders the events of a turn)
 * @param offset            its offset there
 */
record IncomingEvent(UUID eventId, String type, int schemaVersion, String orgId, String botId, String versionId,
        String sessionId, Instant occurredAt, long turn, Long sequenceId, String requestId, String dialog, String step,
        ObjectNode data, Boolean privateDataLogged, int partition, long offset) {

    /** The session this event belongs to, unique across orgs. */
    SessionKey session() {
        return new SessionKey(orgId, sessionId);
    }

    /** A session of an org. */
    record SessionKey(String orgId, String sessionId) {
    }
}
