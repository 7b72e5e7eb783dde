package dev.parley.loguploader.destination;

import java.util.List;

/**
 * A destination's settings as an admin sends them (create and full replace). Absent optional fields take their
 * defaults; the secret is write-only: on replace, leaving {@code authHeaderValue} out keeps the stored one.
 *
 * @param name             a label, 1-100 characters
 * @param url              the https endpoint batches are POSTed to
 * @param authHeaderName   the header carrying the secret; {@code Authorization} when only a value is given
 * @param authHeaderValue  the secret, at most 4096 visible characters
 * @param removeAuthHeader on replace: stop sending the secret header
 * @param botIds           only these bots' events; empty or absent for every bot of the org
 * @param enabled          default true
 * @param batchSize        1-1000 events per batch, default from configuration
 * @param lingerMillis     0-60000, how long a partial batch waits for more events, default from configuration
 */
record DestinationRequest(String name, String url, String authHeaderName, String authHeaderValue,
        Boolean removeAuthHeader, List<String> botIds, Boolean enabled, Integer batchSize, Integer lingerMillis) {

    @Override
    public String toString() {
        return "DestinationRequest[name=" + name + ", authHeaderName=" + authHeaderName + ", authHeaderValue="
                + (authHeaderValue == null ? "null" : "<redacted>") + ", enabled=" + enabled + "]";
    }
}
