package dev.parley.loguploader.delivery;

import java.net.URI;
import java.util.UUID;

/**
 * A batch this worker claimed, with what sending it needs; outcomes are recorded only while {@code claimToken}
 * still holds the claim.
 */
record ClaimedBatch(UUID id, UUID destinationId, String orgId, int attempts, int eventCount, String body,
        UUID claimToken, URI url, String authHeaderName, String authHeaderValue) {

    @Override
    public String toString() {
        return "ClaimedBatch[id=" + id + ", destinationId=" + destinationId + ", attempts=" + attempts + "]";
    }
}
