package dev.parley.callout.http;

/**
 * An answer read in full, within the size cap.
 *
 * @param status      HTTP status
 * @param contentType the Content-Type header, or {@code null}
 * @param body        the body bytes (empty when none)
 */
public record OutboundResponse(int status, String contentType, byte[] body) {

    public boolean successful() {
        return status >= 200 && status < 300;
    }
}
