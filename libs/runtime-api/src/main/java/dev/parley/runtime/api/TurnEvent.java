package dev.parley.runtime.api;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One event of a turn on {@link Topics#TURN_EVENTS}, keyed by session id. Consumers dedupe by {@code eventId}.
 *
 * @param eventId       unique per event; deterministic per (session, turn, index), so a replayed turn repeats ids
 * @param type          one of {@link TurnEventType}'s names
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param orgId         the owning org
 * @param botId         the bot
 * @param botVersion    the bot version
 * @param sessionId     the session
 * @param occurredAt    when it happened
 * @param turn          the session's turn number (1 for the start)
 * @param sequenceId    the inbound message's sequence id, or {@code null} for a start or end
 * @param requestId     the {@code X-Request-ID} of the call that caused it
 * @param data          the type's details (dialog, step, text, choice, latency, ...)
 */
public record TurnEvent(UUID eventId, String type, int schemaVersion, String orgId, String botId, String botVersion,
        String sessionId, Instant occurredAt, long turn, Long sequenceId, String requestId, Map<String, Object> data) {

    /** The schema version this library writes. */
    public static final int SCHEMA_VERSION = 1;
}
