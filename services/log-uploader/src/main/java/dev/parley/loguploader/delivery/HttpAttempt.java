package dev.parley.loguploader.delivery;

import java.time.Duration;

/**
 * What one POST to a destination gave.
 *
 * @param status     the HTTP status, or 0 when no response came (connect failure, timeout, refused address)
 * @param retryAfter the {@code Retry-After} the destination asked for, or {@code null}
 * @param error      a short description of a failure, never containing the secret, or {@code null}
 * @param latency    how long the attempt took
 */
record HttpAttempt(int status, Duration retryAfter, String error, Duration latency) {

    /** How the attempt counts. */
    enum Verdict {
        /** 2xx */
        DELIVERED,
        /** no response, 408, 429 or 5xx: try again later */
        RETRYABLE,
        /** any other status: the destination refuses this batch, retrying cannot help */
        PERMANENT
    }

    Verdict verdict() {
        if (status >= 200 && status < 300) {
            return Verdict.DELIVERED;
        }
        if (status == 0 || status == 408 || status == 429 || status >= 500) {
            return Verdict.RETRYABLE;
        }
        return Verdict.PERMANENT;
    }

    /** A one-line account for the delivery record. */
    String describe() {
        String text = status == 0 ? error : error == null ? "HTTP " + status : "HTTP " + status + ": " + error;
        return text == null ? null : text.length() <= 500 ? text : text.substring(0, 500);
    }
}
