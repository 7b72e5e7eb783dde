package dev.parley.eventsconsumer.ingest;

import tools.jackson.databind.json.JsonMapper;
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
 * @param rawData           the source text of {@code data} as it came, or {@code null} when {@code data} was changed
 *                          while reading (NUL characters) or absent: then it is written from {@code data}
 */
record IncomingEvent(UUID eventId, String type, int schemaVersion, String orgId, String botId, String versionId,
        String sessionId, Instant occurredAt, long turn, Long sequenceId, String requestId, String dialog, String step,
        ObjectNode data, Boolean privateDataLogged, int partition, long offset,
        String rawData) {

    /** {@code data} as JSON text: the source text, unless {@code data} was changed (redacted): then written anew. */
    String dataJson(JsonMapper json, boolean changed) {
        return rawData != null && !changed ? rawData : json.writeValueAsString(data);
    }

    /** The session this event belongs to, unique across orgs. */
    SessionKey session() {
        return new SessionKey(orgId, sessionId);
    }

    /** A session of an org. */
    record SessionKey(String orgId, String sessionId) {
    }
}
