package dev.parley.eventsconsumer.debuglog;

import java.util.List;

/** One page of a session's debug log, steps in execution order (turn, then the order they were published in). */
record DebugLog(String orgId, SessionSummary session, List<DebugStep> steps, int page, int size, long totalSteps,
        int totalPages) {
}
