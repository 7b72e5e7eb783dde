package dev.parley.loguploader.ingest;

import java.util.Map;

/**
 * An admin's request to read part of the turn-events topic again and re-send it. Exactly one of {@code from} and
 * {@code fromTimestamp}; reading ends at the end of each partition as it is when the request arrives.
 *
 * @param from          per partition (key: its number), a starting offset or an ISO-8601 instant
 * @param fromTimestamp an ISO-8601 instant to start every partition at
 * @param orgId         only re-send to this org's destinations; all orgs when absent
 */
record ReprocessRequest(Map<String, Object> from, String fromTimestamp, String orgId) {
}
