package dev.parley.sessionstore.api;

/**
 * What session-store keeps for one session. The engine state is opaque JSON to this service.
 *
 * @param sessionId  the session
 * @param orgId      the org that owns it; every read is checked against the caller's org by the runtime
 * @param botId      the bot it runs
 * @param botVersion the bot version it was started on
 * @param status     {@code ACTIVE} or {@code ENDED}
 * @param stateJson  the engine's state, serialised by the runtime
 * @param version    how many commits the session has had
 */
public record SessionRecord(String sessionId, String orgId, String botId, String botVersion, String status,
        String stateJson, long version) {
}
