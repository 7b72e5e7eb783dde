package dev.parley.runtime.api;

/**
 * Why the runtime refused a command; sent as the {@code code} property of its problem details, with the HTTP
 * status each one maps to. The gateway turns them into the Bot API's error body.
 */
public enum TurnErrorCode {
    /** The bot does not exist for this org, or has no active version. */
    BOT_NOT_FOUND(404),
    /** The session does not exist, expired, or belongs to another org. */
    SESSION_NOT_FOUND(404),
    /** The session has ended; only a repeated message may still be answered. */
    SESSION_ENDED(410),
    /** The message does not fit what the bot waits for, e.g. a choice index out of range. */
    INVALID_INPUT(400),
    /** A sequence id lower than one already processed, not seen before. */
    STALE_SEQUENCE(400),
    /** Earlier turns of the session held it for the whole wait; the client may retry. */
    SESSION_BUSY(423),
    /** The bot's own definition made the turn fail (e.g. an infinite redirect loop). */
    BOT_ERROR(422),
    /** A dependency (session-store, Kafka) is unavailable; nothing was committed. */
    UNAVAILABLE(503);

    private final int httpStatus;

    TurnErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    /** The HTTP status the runtime answers with. */
    public int httpStatus() {
        return httpStatus;
    }
}
