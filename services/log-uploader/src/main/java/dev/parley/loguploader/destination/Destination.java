package dev.parley.loguploader.destination;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An HTTP endpoint of one org that receives that org's turn events in batches.
 *
 * @param id              the destination's id
 * @param orgId           the owning org
 * @param name            a label for admins
 * @param url             where batches are POSTed
 * @param authHeaderName  the header carrying the secret, or {@code null} when none is sent
 * @param authHeaderValue the secret; never returned by the API and never logged
 * @param botIds          only events of these bots; empty means every bot of the org
 * @param enabled         whether new events are batched for it and its batches are delivered
 * @param batchSize       at most this many events per batch
 * @param lingerMillis    how long a partial batch waits for more events
 * @param createdAt       when it was created
 * @param updatedAt       when it was last changed
 */
public record Destination(UUID id, String orgId, String name, URI url, String authHeaderName, String authHeaderValue,
        List<String> botIds, boolean enabled, int batchSize, int lingerMillis, Instant createdAt, Instant updatedAt) {

    public Destination {
        botIds = List.copyOf(botIds);
    }

    /** Whether events of this bot go here. */
    public boolean accepts(String botId) {
        return enabled && (botIds.isEmpty() || botIds.contains(botId));
    }

    /** The secret header to send, when one is configured. */
    public Optional<AuthHeader> authHeader() {
        return authHeaderName == null || authHeaderValue == null ? Optional.empty()
                : Optional.of(new AuthHeader(authHeaderName, authHeaderValue));
    }

    @Override
    public String toString() {
        // The secret and the URL (which may carry a token in its query) stay out of logs.
        return "Destination[id=" + id + ", orgId=" + orgId + ", enabled=" + enabled + ", batchSize=" + batchSize
                + ", lingerMillis=" + lingerMillis + "]";
    }

    /** A header name and its secret value. */
    public record AuthHeader(String name, String value) {

        @Override
        public String toString() {
            return "AuthHeader[name=" + name + ", value=<redacted>]";
        }
    }
}
