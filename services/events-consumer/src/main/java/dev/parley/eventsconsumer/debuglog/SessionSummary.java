package dev.parley.eventsconsumer.debuglog;

import java.time.Instant;

/**
 * One session's debug-log summary.
 *
 * @param startedAt           when its earliest stored event happened
 * @param lastEventAt         when its latest stored event happened
 * @param endedAt             when it ended, or {@code null} while it runs
 * @param endReason           SessionEnded's reason, or {@code null}
 * @param turns               the highest turn number seen
 * @param events              events stored for it
 * @param errors              ErrorOccurred events and ends by Error or InfiniteLoopDetected
 * @param privateDataRedacted whether its user-entered values were redacted (the bot does not log private data)
 */
record SessionSummary(String sessionId, String botId, String versionId, String botName, String versionName,
        Instant startedAt, Instant lastEventAt, Instant endedAt, String endReason, long turns, long events,
        long errors, boolean privateDataRedacted) {
}
