package dev.parley.eventsconsumer.debuglog;

import java.util.List;

/** One page of an org's sessions with debug logs, latest start first. */
record SessionSummaries(String orgId, List<SessionSummary> sessions, int page, int size, long totalSessions,
        int totalPages) {
}
