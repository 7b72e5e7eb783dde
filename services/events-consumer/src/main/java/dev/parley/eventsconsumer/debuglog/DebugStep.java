package dev.parley.eventsconsumer.debuglog;

import com.fasterxml.jackson.annotation.JsonRawValue;

import java.time.Instant;
import java.util.UUID;

/**
 * One step of a session's debug log: one turn event, its type-specific {@code data} as stored (already redacted when
 * the bot does not log private data).
 */
record DebugStep(UUID eventId, String type, long turn, Long sequenceId, Instant occurredAt, String dialog,
        String step, String requestId, @JsonRawValue String data) {
}
